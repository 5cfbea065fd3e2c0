package dev.lanyard.sts.token;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials as AssumeRole and its siblings return them. {@link #toString()} shows the
 * access key id and expiration only.
 */
public record SessionCredentials(
    String accessKeyId, SessionSecret secretAccessKey, String sessionToken, Instant expiration) {
  public SessionCredentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(sessionToken, "sessionToken");
    Objects.requireNonNull(expiration, "expiration");
  }

  @Override
  public String toString() {
    return "SessionCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration
        + ", secretAccessKey=redacted, sessionToken=redacted]";
  }
}
