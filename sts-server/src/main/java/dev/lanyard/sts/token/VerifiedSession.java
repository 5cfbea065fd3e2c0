package dev.lanyard.sts.token;

import java.time.Instant;

/**
 * A session token that {@link SessionTokenVerifier} has verified: signature, type, issuer, times
 * and sealed secret. Only the verifier makes one, so holding one is proof of verification.
 */
public final class VerifiedSession {
  private final SessionClaims claims;
  private final SessionSecret secret;
  private final String signingKeyId;

  VerifiedSession(SessionClaims claims, SessionSecret secret, String signingKeyId) {
    this.claims = claims;
    this.secret = secret;
    this.signingKeyId = signingKeyId;
  }

  public SessionClaims claims() {
    return claims;
  }

  /** The session's secret access key, for checking the request's SigV4 signature. */
  public SessionSecret secret() {
    return secret;
  }

  /** The kid of the key that signed the token. */
  public String signingKeyId() {
    return signingKeyId;
  }

  public String accessKeyId() {
    return claims.accessKeyId();
  }

  public Instant expiresAt() {
    return claims.expiresAt();
  }

  @Override
  public String toString() {
    return "VerifiedSession[accessKeyId=" + claims.accessKeyId() + ", principal="
        + claims.grant().principalArn() + ", expiresAt=" + claims.expiresAt() + "]";
  }
}
