package dev.lanyard.sts.federation.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.store.model.NewSamlProvider;
import dev.lanyard.sts.store.model.SamlProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

/** The happy paths: what a verified assertion says, for each way an IdP may sign. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamlResponseVerifierTest {
  private SamlFixture fx;

  @BeforeAll
  void open() {
    fx = new SamlFixture(SamlFixture.IDP);
  }

  @AfterAll
  void close() {
    fx.close();
  }

  @Test
  void aSignedResponseIsVerified() {
    Document doc = fx.idp.response(fx.spec());
    fx.idp.signResponse(doc);
    VerifiedSamlAssertion verified = fx.verify(doc);
    assertEquals("alice@example.com", verified.subject());
    assertEquals(new SamlRole(fx.roleArn, fx.provider.arn()), verified.role());
  }

  @Test
  void aSignedAssertionIsVerified() {
    VerifiedSamlAssertion verified = fx.verify(fx.signedAssertion(fx.spec()));
    assertEquals("alice@example.com", verified.sessionName());
  }

  @Test
  void aResponseAndAssertionBothSignedAreVerified() {
    Document doc = fx.idp.response(fx.spec());
    fx.idp.signAssertion(doc);
    fx.idp.signResponse(doc);
    assertEquals(fx.idp.entityId, fx.verify(doc).issuer());
  }

  @Test
  void whitespaceInTheBase64FormValueIsAccepted() {
    String encoded = TestSamlIdp.encode(fx.signedAssertion(fx.spec()));
    String wrapped = encoded.replaceAll("(.{76})", "$1\r\n");
    assertTrue(wrapped.contains("\r\n"));
    assertEquals("alice@example.com", fx.verify(wrapped).subject());
  }

  @Test
  void theVerifiedAssertionCarriesEverySignedValue() {
    ResponseSpec spec = fx.spec();
    spec.recipient = SamlFixture.ISSUER + "/saml";
    spec.destination = null;
    spec.audiences = List.of("urn:amazon:webservices");
    spec.nameIdFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    spec.attribute(AwsSamlAttributes.ROLE, fx.provider.arn() + "," + fx.roleArn,
        "arn:aws:iam::" + fx.account + ":role/Other," + fx.provider.arn());
    spec.attribute(AwsSamlAttributes.ROLE_SESSION_NAME, "alice");
    spec.attribute(AwsSamlAttributes.SESSION_DURATION, "1800");
    spec.attribute(AwsSamlAttributes.PRINCIPAL_TAG + "Project", "blue");
    spec.attribute(AwsSamlAttributes.PRINCIPAL_TAG + "CostCenter", "42");
    spec.attribute(AwsSamlAttributes.TRANSITIVE_TAG_KEYS, "Project");
    spec.attribute(AwsSamlAttributes.SOURCE_IDENTITY, "alice.smith");
    spec.attribute("urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "staff", "member");
    spec.attribute("urn:oid:0.9.2342.19200300.100.1.1", "asmith");
    VerifiedSamlAssertion v = fx.verify(fx.signedAssertion(spec));

    assertEquals(spec.assertionId, v.assertionId());
    assertEquals("transient", v.subjectType());
    assertEquals("urn:amazon:webservices", v.audience());
    assertEquals(SamlFixture.ISSUER + "/saml", v.recipient());
    assertEquals(2, v.roles().size());
    assertEquals("alice", v.sessionName());
    assertEquals(Duration.ofSeconds(1800), v.sessionDuration().orElseThrow());
    assertEquals(Map.of("Project", "blue", "CostCenter", "42"), v.tags().asMap());
    assertTrue(v.tags().isTransitive("project"));
    assertFalse(v.tags().isTransitive("CostCenter"));
    assertEquals("alice.smith", v.sourceIdentity().orElseThrow());
    assertEquals(spec.sessionNotOnOrAfter, v.sessionNotOnOrAfter().orElseThrow());
    assertEquals(List.of("staff", "member"), v.attributes().get("urn:oid:1.3.6.1.4.1.5923.1.1.1.1"));
    assertEquals(fx.provider.arn(), v.providerArn());
  }

  @Test
  void theTrustPolicyContextUsesAwsFormulas() throws Exception {
    ResponseSpec spec = fx.spec();
    spec.attribute("urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "staff", "member");
    spec.attribute("urn:oid:2.5.4.3", "Alice Smith");
    spec.attribute("https://example.com/unmapped", "x");
    VerifiedSamlAssertion v = fx.verify(fx.signedAssertion(spec));
    Map<String, List<String>> context = v.trustPolicyContext();

    String qualifierInput = fx.idp.entityId + fx.account + "/" + fx.provider.name();
    String qualifier = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-1").digest(qualifierInput.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(qualifier), context.get("saml:namequalifier"));
    assertEquals(qualifier, v.nameQualifier());
    assertEquals(List.of(fx.account + "/CorpIdP"), context.get("saml:doc"));
    assertEquals(List.of(SamlVerifierSettings.AWS_SIGNIN_SAML), context.get("saml:aud"));
    assertEquals(List.of(fx.idp.entityId), context.get("saml:iss"));
    assertEquals(List.of("alice@example.com"), context.get("saml:sub"));
    assertEquals(List.of("persistent"), context.get("saml:sub_type"));
    assertEquals(List.of("staff", "member"), context.get("saml:edupersonaffiliation"));
    assertEquals(List.of("Alice Smith"), context.get("saml:cn"));
    assertEquals(8, context.size());
  }

  @Test
  void aFormatOutsideTheSaml2PrefixIsReportedWhole() {
    ResponseSpec spec = fx.spec();
    spec.nameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    assertEquals("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
        fx.verify(fx.signedAssertion(spec)).subjectType());
  }

  @Test
  void sessionNotOnOrAfterCapsTheSessionLimit() {
    ResponseSpec spec = fx.spec();
    spec.sessionNotOnOrAfter = fx.clock.instant().plus(Duration.ofMinutes(20));
    spec.attribute(AwsSamlAttributes.SESSION_DURATION, "3000");
    VerifiedSamlAssertion v = fx.verify(fx.signedAssertion(spec));
    assertEquals(Duration.ofMinutes(20), v.sessionLimit(Duration.ofHours(1), fx.clock.instant()));
    assertEquals(Duration.ofMinutes(10), v.sessionLimit(Duration.ofMinutes(10), fx.clock.instant()));
  }

  @Test
  void sessionDurationCapsTheRequestedDuration() {
    ResponseSpec spec = fx.spec();
    spec.sessionNotOnOrAfter = null;
    spec.attribute(AwsSamlAttributes.SESSION_DURATION, "1200");
    VerifiedSamlAssertion v = fx.verify(fx.signedAssertion(spec));
    assertEquals(Duration.ofSeconds(1200), v.sessionLimit(Duration.ofHours(1), fx.clock.instant()));
  }

  @Test
  void timesWithinTheClockSkewAreAccepted() {
    ResponseSpec spec = fx.spec();
    spec.notBefore = fx.clock.instant().plus(Duration.ofSeconds(30));
    spec.notOnOrAfter = fx.clock.instant().minus(Duration.ofSeconds(30));
    assertEquals("alice@example.com", fx.verify(fx.signedAssertion(spec)).subject());
  }

  @Test
  void anEcdsaSignedAssertionFromARotatedProviderIsVerified() {
    TestSamlIdp ecIdp = TestSamlIdp.ec(fx.idp.entityId);
    SamlProvider rotated = fx.store.samlProviders().create(fx.account,
        new NewSamlProvider("RotatedIdP", ecIdp.metadata(ecIdp.certificate, fx.idp.certificate), null, List.of()));
    ResponseSpec spec = new ResponseSpec(fx.clock.instant(), fx.roleArn, rotated.arn());
    Document doc = ecIdp.response(spec);
    ecIdp.signAssertion(doc);
    VerifiedSamlAssertion v = fx.verifier.verify(TestSamlIdp.encode(doc), fx.roleArn, rotated.arn());
    assertEquals("RotatedIdP", v.providerName());

    Document byOldKey = fx.idp.response(new ResponseSpec(fx.clock.instant(), fx.roleArn, rotated.arn()));
    fx.idp.signResponse(byOldKey);
    assertEquals("alice@example.com",
        fx.verifier.verify(TestSamlIdp.encode(byOldKey), fx.roleArn, rotated.arn()).subject());
  }

  @Test
  void toStringHoldsNoSubjectOrAttributes() {
    ResponseSpec spec = fx.spec();
    spec.attribute(AwsSamlAttributes.PRINCIPAL_TAG + "Secretish", "tag-value-xyz");
    String text = fx.verify(fx.signedAssertion(spec)).toString();
    assertFalse(text.contains("tag-value-xyz"));
    assertTrue(text.contains(spec.assertionId));
  }
}
