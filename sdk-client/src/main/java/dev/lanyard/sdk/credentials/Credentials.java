package dev.lanyard.sdk.credentials;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * An access key pair, with a session token and an expiration when temporary. The secret and the
 * session token never appear in {@link #toString()}.
 *
 * @param accessKeyId the access key id ("AKIA..." long-term, "ASIA..." temporary)
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token, or {@code null} for long-term credentials
 * @param expiration when the credentials stop working, or {@code null} if they do not expire
 */
public record Credentials(
    String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

  public Credentials {
    requireText(accessKeyId, "accessKeyId");
    requireText(secretAccessKey, "secretAccessKey");
    if (sessionToken != null && sessionToken.isEmpty()) {
      throw new IllegalArgumentException(
          "sessionToken: must be null for long-term credentials or non-empty, got an empty string");
    }
    if (accessKeyId.chars().anyMatch(c -> c == '/' || Character.isWhitespace(c))) {
      throw new IllegalArgumentException(
          "accessKeyId: must not contain '/' or whitespace, got '" + accessKeyId + "'");
    }
  }

  /** Long-term credentials: no session token, no expiration. */
  public static Credentials longTerm(String accessKeyId, String secretAccessKey) {
    return new Credentials(accessKeyId, secretAccessKey, null, null);
  }

  /** Temporary session credentials. */
  public static Credentials session(
      String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    Objects.requireNonNull(sessionToken, "sessionToken");
    return new Credentials(accessKeyId, secretAccessKey, sessionToken, expiration);
  }

  /** Whether these are session credentials (they carry a session token). */
  public boolean isTemporary() {
    return sessionToken != null;
  }

  /** Whether the expiration has been reached by the clock's time; never for non-expiring keys. */
  public boolean isExpired(Clock clock) {
    return expiration != null && !clock.instant().isBefore(expiration);
  }

  /** Shows the access key id only. */
  @Override
  public String toString() {
    return "Credentials[accessKeyId=" + accessKeyId + "]";
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + ": is required, got " + (value == null ? "null" : "an empty string"));
    }
  }
}
