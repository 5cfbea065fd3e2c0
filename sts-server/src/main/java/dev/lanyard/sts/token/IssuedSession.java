package dev.lanyard.sts.token;

import java.util.Objects;

/** A freshly minted session: the credentials to return and the claims its token carries. */
public record IssuedSession(SessionCredentials credentials, SessionClaims claims) {
  public IssuedSession {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(claims, "claims");
  }
}
