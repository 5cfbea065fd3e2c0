package dev.lanyard.sdk.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * What a signed request claims, parsed and checked for form but not yet verified: who signed it,
 * for which scope and time, and with which session token. Made by {@link SigV4Verifier#claim}.
 * {@link #toString()} leaves out the session token.
 *
 * @param authorization the parsed {@code Authorization} header
 * @param amzDate the {@code X-Amz-Date} header as sent
 * @param requestTime {@code amzDate} as an instant
 * @param sessionToken the {@code X-Amz-Security-Token} header, or {@code null}
 */
public record SignatureClaim(
    AuthorizationHeader authorization, String amzDate, Instant requestTime, String sessionToken) {

  public SignatureClaim {
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(amzDate, "amzDate");
    Objects.requireNonNull(requestTime, "requestTime");
  }

  /** The access key id that claims to have signed. */
  public String accessKeyId() {
    return authorization.accessKeyId();
  }

  @Override
  public String toString() {
    return "SignatureClaim[" + authorization.format() + ", x-amz-date=" + amzDate
        + (sessionToken == null ? "" : ", x-amz-security-token=(set)") + "]";
  }
}
