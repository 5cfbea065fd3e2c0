package dev.lanyard.sts.federation.saml;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

/**
 * The errors a SAML response is refused with, with AWS's codes. Messages name the element or
 * attribute and what is accepted; they never contain the response or an assertion.
 */
final class SamlRefusal {
  private static final String PREFIX = "SAMLAssertion: ";

  private SamlRefusal() {
  }

  /** Malformed, unsigned, badly signed, wrapped, or aimed at another issuer, audience or recipient. */
  static LanyardException invalid(String problem) {
    return new LanyardException(AwsErrorCode.InvalidIdentityToken, PREFIX + problem);
  }

  /** Past a NotOnOrAfter. */
  static LanyardException expired(String problem) {
    return new LanyardException(AwsErrorCode.ExpiredTokenException, PREFIX + problem);
  }

  /** The assertion does not grant the requested role with the requested provider. */
  static LanyardException denied(String problem) {
    return new LanyardException(AwsErrorCode.AccessDenied, "Not authorized to perform sts:AssumeRoleWithSAML: "
        + problem);
  }

  /** The request itself is out of bounds (for example the response is too long). */
  static LanyardException validation(String problem) {
    return new LanyardException(AwsErrorCode.ValidationError, problem);
  }
}
