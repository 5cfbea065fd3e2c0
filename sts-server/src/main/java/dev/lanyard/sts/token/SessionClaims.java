package dev.lanyard.sts.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a session token says: the grant plus what minting added. Times are whole seconds, as
 * JWTs carry them. {@link SessionTokenFormat} lists the claim names.
 *
 * @param issuer the token issuer ({@code iss})
 * @param grant who the session acts as and what narrows it
 * @param issuedAt {@code iat}, also {@code aws:TokenIssueTime}
 * @param expiresAt {@code exp}; the credentials' expiration
 * @param accessKeyId the session's access key id, ASIA + 16 base32 characters
 * @param sealedSecret the session's secret access key, sealed under a data key
 */
public record SessionClaims(
    String issuer,
    SessionGrant grant,
    Instant issuedAt,
    Instant expiresAt,
    String accessKeyId,
    SealedSecret sealedSecret) {

  private static final Pattern SESSION_ACCESS_KEY_ID = Pattern.compile("ASIA[A-Z2-7]{16}");

  public SessionClaims {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("issuer: must be a non-blank string");
    }
    Objects.requireNonNull(grant, "grant");
    issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.SECONDS);
    expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.SECONDS);
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException(
          "expiresAt: " + expiresAt + " must be after issuedAt " + issuedAt);
    }
    if (accessKeyId == null || !SESSION_ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
      throw new IllegalArgumentException("accessKeyId: '" + accessKeyId
          + "' is not a session access key id; expected ASIA followed by 16 of A-Z, 2-7");
    }
    Objects.requireNonNull(sealedSecret, "sealedSecret");
  }
}
