package dev.lanyard.sts.federation.oidc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

/**
 * The errors a web identity token earns, each prefixed with the parameter name. Messages name the
 * claim or header and the rule; they never contain the token or attacker-chosen claim values.
 */
final class TokenRefusals {
  static final String FIELD = "WebIdentityToken";

  private TokenRefusals() {
  }

  /** {@code InvalidIdentityToken}: malformed, unsigned, badly signed, unknown key, wrong issuer. */
  static LanyardException invalid(String problem) {
    return new LanyardException(AwsErrorCode.InvalidIdentityToken, FIELD + ": " + problem, false);
  }

  /** {@code ExpiredTokenException}: the token's {@code exp} has passed. */
  static LanyardException expired(String problem) {
    return new LanyardException(AwsErrorCode.ExpiredTokenException, FIELD + ": " + problem, false);
  }

  /** {@code IDPRejectedClaim}: the audience is not among the provider's client ids. */
  static LanyardException rejectedClaim(String problem) {
    return new LanyardException(AwsErrorCode.IDPRejectedClaim, FIELD + ": " + problem, false);
  }
}
