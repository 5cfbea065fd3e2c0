package dev.lanyard.sts.federation.saml;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.SamlProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.w3c.dom.Document;

/**
 * Turns the base64 {@code SAMLResponse} of an AssumeRoleWithSAML call into a
 * {@link VerifiedSamlAssertion}: decodes it (at most {@value #MAX_RESPONSE_CHARS} characters),
 * parses it with {@link HardenedXml}, verifies the Response and/or Assertion signature against the
 * provider's metadata certificates and reads only the element the signature covers, checks issuer,
 * recipient, audience and validity window against the injected clock, reads AWS's attributes,
 * requires the Role attribute to pair the requested role with the requested provider, and records
 * the assertion id in the store's shared replay cache so that it is accepted once.
 */
public final class SamlResponseVerifier {
  /** Longest accepted SAMLResponse, in base64 characters, as AWS allows. */
  public static final int MAX_RESPONSE_CHARS = 100_000;
  private static final int MIN_RESPONSE_CHARS = 4;
  private static final Pattern BASE64_WHITESPACE = Pattern.compile("[\\r\\n\\t ]");

  private final IamStore store;
  private final SamlVerifierSettings settings;
  private final Clock clock;
  private final HardenedXml xml = HardenedXml.forSaml();
  private final Cache<String, SamlMetadata> metadata = Caffeine.newBuilder().maximumSize(1_000).build();

  public SamlResponseVerifier(IamStore store, SamlVerifierSettings settings, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies {@code samlResponse} for a request to assume {@code roleArn} through the SAML provider
   * {@code principalArn}.
   *
   * @throws LanyardException {@code ValidationError} (length), {@code InvalidIdentityToken}
   *     (malformed, unsigned, bad signature, wrapping, issuer, audience, recipient, not yet valid,
   *     replayed, unknown provider), {@code ExpiredTokenException} (expired), {@code AccessDenied}
   *     (the Role attribute does not grant the role with the provider)
   */
  public VerifiedSamlAssertion verify(String samlResponse, String roleArn, String principalArn) {
    require("SAMLAssertion", samlResponse);
    require("RoleArn", roleArn);
    require("PrincipalArn", principalArn);
    if (samlResponse.length() < MIN_RESPONSE_CHARS || samlResponse.length() > MAX_RESPONSE_CHARS) {
      throw SamlRefusal.validation("SAMLAssertion has " + samlResponse.length() + " characters; accepted: "
          + MIN_RESPONSE_CHARS + " to " + MAX_RESPONSE_CHARS + " characters of base64");
    }
    SamlProvider provider = store.samlProviders().get(principalArn).orElseThrow(() ->
        SamlRefusal.invalid("PrincipalArn names no SAML provider; specify the ARN of an existing SAML provider"));
    Instant now = clock.instant();
    if (provider.validUntil() != null && !now.isBefore(provider.validUntil())) {
      throw SamlRefusal.invalid("the SAML provider's metadata is past its validUntil; update the provider's"
          + " metadata");
    }
    SamlMetadata trusted = metadataOf(provider);

    Document doc = parse(decode(samlResponse));
    SignedAssertionLocator.Located located =
        SignedAssertionLocator.locate(doc, new XmlSignatureCheck(trusted.signingCertificates()));
    AssertionContent content = AssertionContent.read(located);
    AssertionConditions.Checked checked = AssertionConditions.check(content, trusted, settings, now);
    if (content.nameId().isBlank() || content.nameId().length() > 2048) {
      throw SamlRefusal.invalid("the NameID is empty or longer than 2048 characters");
    }
    AwsSamlAttributes aws = AwsSamlAttributes.from(content.attributes());
    SamlRole requested = new SamlRole(roleArn, principalArn);
    if (!aws.roles().contains(requested)) {
      throw SamlRefusal.denied("the assertion's Role attribute does not pair RoleArn with PrincipalArn");
    }
    if (!store.recordOnce("saml:" + content.issuer() + ":" + content.assertionId(), checked.replayUntil())) {
      throw SamlRefusal.invalid("the assertion was already used; each SAML assertion is accepted once");
    }
    return new VerifiedSamlAssertion(provider.arn(), provider.accountId(), provider.name(), content, checked,
        requested, aws);
  }

  private SamlMetadata metadataOf(SamlProvider provider) {
    String key = provider.arn() + "\n" + provider.rowVersion() + "\n" + provider.metadataDocument().hashCode();
    try {
      return metadata.get(key, k -> SamlMetadata.parse(provider.metadataDocument()));
    } catch (LanyardException e) {
      throw SamlRefusal.invalid("the SAML provider's metadata cannot be used: " + e.getMessage());
    }
  }

  private static byte[] decode(String samlResponse) {
    try {
      return Base64.getDecoder().decode(BASE64_WHITESPACE.matcher(samlResponse).replaceAll(""));
    } catch (IllegalArgumentException e) {
      throw SamlRefusal.invalid("the SAMLAssertion is not base64 of a SAML Response");
    }
  }

  private Document parse(byte[] bytes) {
    try {
      return xml.parse(bytes);
    } catch (XmlRefusedException e) {
      throw SamlRefusal.invalid(e.getMessage());
    }
  }

  private static void require(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw SamlRefusal.validation(field + " is required");
    }
  }
}
