package dev.lanyard.sts.federation.saml;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a SAML response must be aimed at: the accepted {@code SubjectConfirmationData Recipient}
 * (and {@code Response Destination}) URLs, the accepted {@code Audience} values, and the clock skew
 * allowed on every time check (0 to 5 minutes).
 */
public record SamlVerifierSettings(List<String> recipients, List<String> audiences, Duration clockSkew) {
  /** AWS's global sign-in endpoint, which IdPs configured for AWS put in Recipient and Audience. */
  public static final String AWS_SIGNIN_SAML = "https://signin.aws.amazon.com/saml";
  /** The audience URN many IdPs use for AWS. */
  public static final String AWS_AUDIENCE_URN = "urn:amazon:webservices";
  /** The default skew. */
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
  private static final Duration MAX_SKEW = Duration.ofMinutes(5);

  public SamlVerifierSettings {
    recipients = List.copyOf(recipients);
    audiences = List.copyOf(audiences);
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (recipients.isEmpty() || audiences.isEmpty()) {
      throw new IllegalArgumentException("SAML settings need at least one recipient and one audience");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("SAML clockSkew is " + clockSkew + "; accepted: 0 to " + MAX_SKEW);
    }
  }

  /**
   * The defaults for a Lanyard server whose issuer URL is {@code issuer}: recipients AWS's endpoint
   * and {@code <issuer>/saml}; audiences AWS's endpoint, {@code urn:amazon:webservices} and the issuer.
   */
  public static SamlVerifierSettings forIssuer(String issuer) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return new SamlVerifierSettings(List.of(AWS_SIGNIN_SAML, base + "/saml"),
        List.of(AWS_SIGNIN_SAML, AWS_AUDIENCE_URN, issuer), DEFAULT_SKEW);
  }
}
