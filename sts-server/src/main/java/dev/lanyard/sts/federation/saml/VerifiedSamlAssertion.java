package dev.lanyard.sts.federation.saml;

import dev.lanyard.sts.token.SessionTags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SAML assertion that {@link SamlResponseVerifier} verified: signed by the provider, aimed at this
 * service, within its validity window, granting the requested role with the requested provider,
 * and not seen before. Only the verifier can make one. Every value was read from the signed element.
 */
public final class VerifiedSamlAssertion {
  private final String providerArn;
  private final String accountId;
  private final String providerName;
  private final String issuer;
  private final String subject;
  private final String subjectType;
  private final String audience;
  private final String recipient;
  private final String assertionId;
  private final SamlRole role;
  private final AwsSamlAttributes aws;
  private final SessionTags tags;
  private final Optional<Instant> sessionNotOnOrAfter;
  private final Map<String, List<String>> attributes;
  private final String nameQualifier;

  VerifiedSamlAssertion(String providerArn, String accountId, String providerName, AssertionContent content,
      AssertionConditions.Checked checked, SamlRole role, AwsSamlAttributes aws) {
    this.providerArn = providerArn;
    this.accountId = accountId;
    this.providerName = providerName;
    this.issuer = content.issuer();
    this.subject = content.nameId();
    this.subjectType = SamlContextKeys.subjectType(content.nameIdFormat());
    this.audience = checked.audience();
    this.recipient = checked.recipient();
    this.assertionId = content.assertionId();
    this.role = role;
    this.aws = aws;
    this.tags = SessionTags.of(aws.principalTags(), aws.transitiveTagKeys());
    this.sessionNotOnOrAfter = Optional.ofNullable(content.sessionNotOnOrAfter());
    this.attributes = content.attributes();
    this.nameQualifier = SamlContextKeys.nameQualifier(issuer, accountId, providerName);
  }

  /** The SAML provider's ARN (the request's PrincipalArn). */
  public String providerArn() {
    return providerArn;
  }

  /** The account that owns the SAML provider. */
  public String accountId() {
    return accountId;
  }

  /** The SAML provider's name (the last part of its ARN). */
  public String providerName() {
    return providerName;
  }

  /** The Assertion's Issuer, equal to the provider metadata's entityID. */
  public String issuer() {
    return issuer;
  }

  /** The NameID, every text node of it (AWS's {@code Subject}, {@code saml:sub}). */
  public String subject() {
    return subject;
  }

  /** AWS's {@code SubjectType}: {@code persistent}, {@code transient}, or the full Format URI. */
  public String subjectType() {
    return subjectType;
  }

  /** The accepted Audience of the assertion's AudienceRestriction. */
  public String audience() {
    return audience;
  }

  /** The bearer confirmation's Recipient, which AWS reports as the response's {@code Audience} and as {@code saml:aud}. */
  public String recipient() {
    return recipient;
  }

  /** The Assertion's ID (accepted once). */
  public String assertionId() {
    return assertionId;
  }

  /** AWS's {@code NameQualifier}: Base64(SHA1(issuer + account id + "/" + provider name)). */
  public String nameQualifier() {
    return nameQualifier;
  }

  /** The role and provider pair the request asked for, found in the Role attribute. */
  public SamlRole role() {
    return role;
  }

  /** Every role and provider pair of the Role attribute. */
  public List<SamlRole> roles() {
    return aws.roles();
  }

  /** The RoleSessionName attribute. */
  public String sessionName() {
    return aws.sessionName();
  }

  /** The SessionDuration attribute (900 to 43,200 seconds), if present. */
  public Optional<Duration> sessionDuration() {
    return aws.sessionDuration();
  }

  /** The PrincipalTag attributes as session tags, with the TransitiveTagKeys. */
  public SessionTags tags() {
    return tags;
  }

  /** The SourceIdentity attribute, if present. */
  public Optional<String> sourceIdentity() {
    return aws.sourceIdentity();
  }

  /** The earliest AuthnStatement SessionNotOnOrAfter: the session may not outlive it. */
  public Optional<Instant> sessionNotOnOrAfter() {
    return sessionNotOnOrAfter;
  }

  /** Every attribute of the assertion by Name, values in document order. */
  public Map<String, List<String>> attributes() {
    return attributes;
  }

  /**
   * The longest session this assertion allows at {@code now}: the SessionDuration attribute (or
   * {@code requested} when given and shorter), capped by SessionNotOnOrAfter. The caller still caps
   * it by the role's maximum session duration.
   */
  public Duration sessionLimit(Duration requested, Instant now) {
    Duration limit = requested;
    if (aws.sessionDuration().isPresent() && aws.sessionDuration().get().compareTo(limit) < 0) {
      limit = aws.sessionDuration().get();
    }
    if (sessionNotOnOrAfter.isPresent()) {
      Duration left = Duration.between(now, sessionNotOnOrAfter.get());
      if (left.compareTo(limit) < 0) {
        limit = left.isNegative() ? Duration.ZERO : left;
      }
    }
    return limit;
  }

  /**
   * The trust-policy context keys AWS sets for AssumeRoleWithSAML: {@code saml:aud}, {@code saml:iss},
   * {@code saml:sub}, {@code saml:sub_type}, {@code saml:namequalifier}, {@code saml:doc} and the
   * attribute keys ({@code saml:edupersonaffiliation}, {@code saml:cn}, {@code saml:uid}, ...).
   */
  public Map<String, List<String>> trustPolicyContext() {
    return SamlContextKeys.of(this);
  }

  @Override
  public String toString() {
    return "VerifiedSamlAssertion[issuer=" + issuer + ", assertionId=" + assertionId + ", role=" + role.roleArn()
        + ", sessionName=" + aws.sessionName() + "]";
  }
}
