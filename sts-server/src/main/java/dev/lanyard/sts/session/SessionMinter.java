package dev.lanyard.sts.session;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.token.SessionCredentials;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.SessionTokenIssuer;
import java.time.Duration;

/** Mints the credentials of a granted session, turning the issuer's refusals into AWS errors. */
public final class SessionMinter {
  private final SessionTokenIssuer issuer;

  public SessionMinter(SessionTokenIssuer issuer) {
    this.issuer = issuer;
  }

  public SessionCredentials mint(SessionGrant grant, Duration duration) {
    try {
      return issuer.issue(grant, duration).credentials();
    } catch (IllegalArgumentException e) {
      throw new LanyardException(AwsErrorCode.ValidationError, e.getMessage());
    } catch (IllegalStateException e) {
      throw new LanyardException(AwsErrorCode.ServiceUnavailable,
          "no signing key is active yet; retry in a moment", true);
    }
  }
}
