package dev.lanyard.sdk.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a signed request claims, parsed and checked for form but not yet verified: who signed it,
 * for which scope and time, and with which session token. Made by {@link SigV4Verifier#claim}.
 * {@link #toString()} leaves out the session token.
 *
 * @param authorization the parsed {@code Authorization} header, or for a presigned request the same
 *     fields from its query string ({@link PresignedParameters})
 * @param amzDate {@code X-Amz-Date} as sent
 * @param requestTime {@code amzDate} as an instant
 * @param sessionToken {@code X-Amz-Security-Token}, or {@code null}
 * @param presigned whether the signature came in the query string
 * @param expires for a presigned request, {@code X-Amz-Expires}: how long after {@code requestTime}
 *     it may be used; {@code null} when the request does not say (it is then held to the clock skew,
 *     as a request signed in its headers)
 */
public record SignatureClaim(
    AuthorizationHeader authorization, String amzDate, Instant requestTime, String sessionToken,
    boolean presigned, Duration expires) {

  public SignatureClaim {
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(amzDate, "amzDate");
    Objects.requireNonNull(requestTime, "requestTime");
    if (expires != null && !presigned) {
      throw new IllegalArgumentException("expires: only a presigned request has one");
    }
  }

  /** The claim of a request signed in its headers. */
  public SignatureClaim(AuthorizationHeader authorization, String amzDate, Instant requestTime, String sessionToken) {
    this(authorization, amzDate, requestTime, sessionToken, false, null);
  }

  /** The access key id that claims to have signed. */
  public String accessKeyId() {
    return authorization.accessKeyId();
  }

  @Override
  public String toString() {
    return "SignatureClaim[" + authorization.format() + ", x-amz-date=" + amzDate
        + (presigned ? ", presigned" : "") + (expires == null ? "" : " for " + expires.toSeconds() + " s")
        + (sessionToken == null ? "" : ", x-amz-security-token=(set)") + "]";
  }
}
