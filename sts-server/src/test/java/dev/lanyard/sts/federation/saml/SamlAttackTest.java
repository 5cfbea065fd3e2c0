package dev.lanyard.sts.federation.saml;

import static dev.lanyard.sts.federation.saml.TestSamlIdp.ASSERTION_NS;
import static dev.lanyard.sts.federation.saml.TestSamlIdp.DSIG_NS;
import static dev.lanyard.sts.federation.saml.TestSamlIdp.PROTOCOL_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every known attack on a SAML response, each refused (or, for comment injection, made harmless). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamlAttackTest {
  private SamlFixture fx;

  @BeforeAll
  void open() {
    fx = new SamlFixture(SamlFixture.IDP);
  }

  @AfterAll
  void close() {
    fx.close();
  }

  private static LanyardException refused(AwsErrorCode code, String messagePart, Executable call) {
    LanyardException e = assertThrows(LanyardException.class, call);
    assertEquals(code, e.code(), e::getMessage);
    assertTrue(e.getMessage().contains(messagePart), () -> "message: " + e.getMessage());
    return e;
  }

  private static Element child(Element parent, String ns, String name) {
    return TestSamlIdp.firstChild(parent, ns, name);
  }

  @Test
  void anUnsignedResponseIsRefused() {
    Document doc = fx.idp.response(fx.spec());
    refused(AwsErrorCode.InvalidIdentityToken, "not signed", () -> fx.verify(doc));
  }

  @Test
  void aResponseSignedByAnUnknownCertificateEmbeddedInKeyInfoIsRefused() {
    Document doc = SamlFixture.ATTACKER.response(fx.spec());
    SamlFixture.ATTACKER.signAssertion(doc);
    refused(AwsErrorCode.InvalidIdentityToken, "not in the provider's metadata", () -> fx.verify(doc));
  }

  @Test
  void aResponseSignedByAnUnknownKeyWithoutKeyInfoIsRefused() {
    Document doc = SamlFixture.ATTACKER.response(fx.spec());
    SamlFixture.ATTACKER.sign(TestSamlIdp.assertion(doc), SignatureMethod.RSA_SHA256, DigestMethod.SHA256, false);
    refused(AwsErrorCode.InvalidIdentityToken, "does not verify", () -> fx.verify(doc));
  }

  @Test
  void anUnknownKeyClaimingTheTrustedCertificateIsRefused() {
    Document doc = SamlFixture.ATTACKER.response(fx.spec());
    SamlFixture.ATTACKER.sign(TestSamlIdp.assertion(doc), SignatureMethod.RSA_SHA256, DigestMethod.SHA256, false);
    Element signature = child(TestSamlIdp.assertion(doc), DSIG_NS, "Signature");
    Element keyInfo = doc.createElementNS(DSIG_NS, "ds:KeyInfo");
    Element data = doc.createElementNS(DSIG_NS, "ds:X509Data");
    Element cert = doc.createElementNS(DSIG_NS, "ds:X509Certificate");
    cert.setTextContent(TestSamlIdp.base64(fx.idp.certificate));
    signature.appendChild(keyInfo).appendChild(data).appendChild(cert);
    refused(AwsErrorCode.InvalidIdentityToken, "does not verify", () -> fx.verify(doc));
  }

  @Test
  void aTamperedSignedAssertionIsRefused() {
    Document doc = fx.signedAssertion(fx.spec());
    Element nameId = (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "NameID").item(0);
    nameId.setTextContent("admin@example.com");
    refused(AwsErrorCode.InvalidIdentityToken, "does not verify", () -> fx.verify(doc));
  }

  /** XSW: the attacker's assertion is the Response's assertion; the signed one hides in Extensions. */
  @Test
  void aWrappedAssertionInExtensionsIsRefused() {
    Document signed = fx.signedAssertion(fx.spec());
    ResponseSpec evilSpec = fx.spec();
    evilSpec.nameId = "admin@example.com";
    Document doc = fx.idp.response(evilSpec);
    Element response = doc.getDocumentElement();
    Element extensions = doc.createElementNS(PROTOCOL_NS, "samlp:Extensions");
    extensions.appendChild(doc.importNode(TestSamlIdp.assertion(signed), true));
    response.insertBefore(extensions, child(response, PROTOCOL_NS, "Status"));
    refused(AwsErrorCode.InvalidIdentityToken, "2 Assertion elements", () -> fx.verify(doc));
  }

  /** XSW: the attacker's assertion carries the original signature, whose Object holds the signed assertion. */
  @Test
  void aWrappedAssertionInsideTheSignatureObjectIsRefused() {
    Document signed = fx.signedAssertion(fx.spec());
    Element original = TestSamlIdp.assertion(signed);
    Element signature = child(original, DSIG_NS, "Signature");
    original.removeChild(signature);
    Element object = signed.createElementNS(DSIG_NS, "ds:Object");
    signature.appendChild(object);
    Element evil = (Element) original.cloneNode(true);
    ((Element) evil.getElementsByTagNameNS(ASSERTION_NS, "NameID").item(0)).setTextContent("admin@example.com");
    evil.setAttribute("ID", "_evil");
    original.getParentNode().replaceChild(evil, original);
    object.appendChild(original);
    evil.insertBefore(signature, child(evil, ASSERTION_NS, "Subject"));
    refused(AwsErrorCode.InvalidIdentityToken, "2 Assertion elements", () -> fx.verify(signed));
  }

  /** The signature moved from the Assertion to the Response, over a modified assertion. */
  @Test
  void aMovedSignatureIsRefused() {
    Document doc = fx.signedAssertion(fx.spec());
    Element assertion = TestSamlIdp.assertion(doc);
    Element signature = child(assertion, DSIG_NS, "Signature");
    assertion.removeChild(signature);
    Element response = doc.getDocumentElement();
    response.insertBefore(signature, child(response, PROTOCOL_NS, "Status"));
    ((Element) doc.getElementsByTagNameNS(ASSERTION_NS, "NameID").item(0)).setTextContent("admin@example.com");
    refused(AwsErrorCode.InvalidIdentityToken, "does not reference the element that holds it",
        () -> fx.verify(doc));
  }

  @Test
  void aDuplicateIdIsRefused() {
    Document doc = fx.idp.response(fx.spec());
    fx.idp.signResponse(doc);
    Element response = doc.getDocumentElement();
    Element extensions = doc.createElementNS(PROTOCOL_NS, "samlp:Extensions");
    Element decoy = doc.createElementNS(ASSERTION_NS, "saml:Advice");
    decoy.setAttribute("ID", TestSamlIdp.assertion(doc).getAttribute("ID"));
    extensions.appendChild(decoy);
    response.appendChild(extensions);
    refused(AwsErrorCode.InvalidIdentityToken, "appears more than once", () -> fx.verify(doc));
  }

  @Test
  void aSignedAssertionBesideASecondUnsignedAssertionIsRefused() {
    Document doc = fx.signedAssertion(fx.spec());
    ResponseSpec evilSpec = fx.spec();
    evilSpec.nameId = "admin@example.com";
    Document evil = fx.idp.response(evilSpec);
    Element response = doc.getDocumentElement();
    response.insertBefore(doc.importNode(TestSamlIdp.assertion(evil), true), TestSamlIdp.assertion(doc));
    refused(AwsErrorCode.InvalidIdentityToken, "2 Assertion elements", () -> fx.verify(doc));
  }

  @Test
  void aSignatureOutsideTheResponseAndAssertionIsRefused() {
    Document doc = fx.signedAssertion(fx.spec());
    Element assertion = TestSamlIdp.assertion(doc);
    Element signature = child(assertion, DSIG_NS, "Signature");
    Element subject = child(assertion, ASSERTION_NS, "Subject");
    subject.appendChild(signature.cloneNode(true));
    refused(AwsErrorCode.InvalidIdentityToken, "ds:Signature appears where none is accepted", () -> fx.verify(doc));
  }

  /**
   * Comment injection: the IdP signed {@code alice@example.com.evil.test}; a comment inserted after
   * {@code alice@example.com} keeps the signature valid (exclusive c14n drops comments), so the
   * subject must still be the whole signed value, never the first text node.
   */
  @Test
  void aCommentInjectedIntoTheNameIdDoesNotChangeTheSubject() {
    ResponseSpec spec = fx.spec();
    spec.nameId = "alice@example.com.evil.test";
    Document doc = fx.signedAssertion(spec);
    Element nameId = (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "NameID").item(0);
    nameId.setTextContent("alice@example.com");
    nameId.appendChild(doc.createComment(""));
    nameId.appendChild(doc.createTextNode(".evil.test"));
    String xml = TestSamlIdp.serialize(doc);
    assertTrue(xml.contains("alice@example.com<!---->.evil.test"), xml);

    VerifiedSamlAssertion verified = fx.verify(TestSamlIdp.encode(xml));
    assertEquals("alice@example.com.evil.test", verified.subject());
    assertEquals(List.of("alice@example.com.evil.test"), verified.trustPolicyContext().get("saml:sub"));
  }

  @Test
  void anExternalEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + "<samlp:Response xmlns:samlp=\"" + PROTOCOL_NS + "\" ID=\"_x\" Version=\"2.0\">&xxe;</samlp:Response>";
    LanyardException e = refused(AwsErrorCode.InvalidIdentityToken, "DTD", () -> fx.verify(TestSamlIdp.encode(xml)));
    assertFalse(e.getMessage().contains("TOP-SECRET"));
  }

  @Test
  void entityExpansionIsRefused() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"");
      xml.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
    }
    xml.append("]><samlp:Response xmlns:samlp=\"").append(PROTOCOL_NS).append("\">&lol9;</samlp:Response>");
    refused(AwsErrorCode.InvalidIdentityToken, "DTD", () -> fx.verify(TestSamlIdp.encode(xml.toString())));
  }

  @Test
  void aDocumentTypeDeclarationAloneIsRefused() {
    Document doc = fx.signedAssertion(fx.spec());
    String xml = TestSamlIdp.serialize(doc).replaceFirst("\\?>", "?><!DOCTYPE samlp:Response>");
    assertTrue(xml.contains("<!DOCTYPE"));
    refused(AwsErrorCode.InvalidIdentityToken, "DTD", () -> fx.verify(TestSamlIdp.encode(xml)));
  }

  @Test
  void anXIncludeIsRefused(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("included.xml");
    Files.writeString(secret, "<x>TOP-SECRET</x>");
    Document doc = fx.signedAssertion(fx.spec());
    Element nameId = (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "NameID").item(0);
    Element include = doc.createElementNS(HardenedXml.XINCLUDE_NS, "xi:include");
    include.setAttribute("href", secret.toUri().toString());
    nameId.appendChild(include);
    LanyardException e = refused(AwsErrorCode.InvalidIdentityToken, "XInclude", () -> fx.verify(doc));
    assertFalse(e.getMessage().contains("TOP-SECRET"));
  }

  @Test
  void aWrongRecipientIsRefused() {
    ResponseSpec spec = fx.spec();
    spec.recipient = "https://attacker.example/saml";
    spec.destination = null;
    refused(AwsErrorCode.InvalidIdentityToken, "Recipient", () -> fx.verify(fx.signedAssertion(spec)));
  }

  @Test
  void aWrongDestinationIsRefused() {
    ResponseSpec spec = fx.spec();
    spec.destination = "https://attacker.example/saml";
    refused(AwsErrorCode.InvalidIdentityToken, "Destination", () -> fx.verify(fx.signedAssertion(spec)));
  }

  @Test
  void aWrongAudienceIsRefused() {
    ResponseSpec spec = fx.spec();
    spec.audiences = List.of("https://other-sp.example/saml");
    refused(AwsErrorCode.InvalidIdentityToken, "Audience", () -> fx.verify(fx.signedAssertion(spec)));
  }

  @Test
  void aWrongIssuerIsRefused() {
    ResponseSpec spec = fx.spec();
    spec.issuer = "https://other-idp.example/saml";
    refused(AwsErrorCode.InvalidIdentityToken, "Issuer", () -> fx.verify(fx.signedAssertion(spec)));
  }

  @Test
  void expiredConditionsAreRefused() {
    ResponseSpec spec = fx.spec();
    spec.notOnOrAfter = fx.clock.instant().minus(Duration.ofMinutes(2));
    refused(AwsErrorCode.ExpiredTokenException, "Conditions NotOnOrAfter", () -> fx.verify(fx.signedAssertion(spec)));
  }

  @Test
  void anExpiredSubjectConfirmationIsRefused() {
    ResponseSpec spec = fx.spec();
    spec.confirmationNotOnOrAfter = fx.clock.instant().minus(Duration.ofMinutes(2));
    refused(AwsErrorCode.ExpiredTokenException, "SubjectConfirmationData NotOnOrAfter",
        () -> fx.verify(fx.signedAssertion(spec)));
  }

  @Test
  void anAssertionVerifiedAfterItExpiresIsRefused() {
    Document doc = fx.signedAssertion(fx.spec());
    String encoded = TestSamlIdp.encode(doc);
    fx.clock.advance(Duration.ofMinutes(7));
    try {
      refused(AwsErrorCode.ExpiredTokenException, "expired", () -> fx.verify(encoded));
    } finally {
      fx.clock.advance(Duration.ofMinutes(-7));
    }
  }

  @Test
  void anAssertionNotYetValidIsRefused() {
    ResponseSpec spec = fx.spec();
    spec.notBefore = fx.clock.instant().plus(Duration.ofMinutes(3));
    refused(AwsErrorCode.InvalidIdentityToken, "not yet valid", () -> fx.verify(fx.signedAssertion(spec)));
  }

  @Test
  void aReplayedAssertionIsRefused() {
    String encoded = TestSamlIdp.encode(fx.signedAssertion(fx.spec()));
    fx.verify(encoded);
    refused(AwsErrorCode.InvalidIdentityToken, "already used", () -> fx.verify(encoded));
  }

  @Test
  void aReplayThroughAnotherVerifierSharingTheStoreIsRefused() {
    String encoded = TestSamlIdp.encode(fx.signedAssertion(fx.spec()));
    fx.verify(encoded);
    SamlResponseVerifier otherNode = new SamlResponseVerifier(fx.store, SamlVerifierSettings.forIssuer(
        SamlFixture.ISSUER), fx.clock);
    refused(AwsErrorCode.InvalidIdentityToken, "already used",
        () -> otherNode.verify(encoded, fx.roleArn, fx.provider.arn()));
  }

  @Test
  void aSha1SignatureIsRefused() {
    Document doc = fx.idp.response(fx.spec());
    fx.idp.sign(TestSamlIdp.assertion(doc), "http://www.w3.org/2000/09/xmldsig#rsa-sha1", DigestMethod.SHA256, true);
    refused(AwsErrorCode.InvalidIdentityToken, "SHA-1 is refused", () -> fx.verify(doc));
  }

  @Test
  void aSha1DigestIsRefused() {
    Document doc = fx.idp.response(fx.spec());
    fx.idp.sign(TestSamlIdp.assertion(doc), SignatureMethod.RSA_SHA256, DigestMethod.SHA1, true);
    refused(AwsErrorCode.InvalidIdentityToken, "DigestMethod", () -> fx.verify(doc));
  }

  @Test
  void anEncryptedAssertionIsRefusedClearly() {
    Document doc = fx.idp.response(fx.spec());
    Element assertion = TestSamlIdp.assertion(doc);
    Element encrypted = doc.createElementNS(ASSERTION_NS, "saml:EncryptedAssertion");
    assertion.getParentNode().replaceChild(encrypted, assertion);
    refused(AwsErrorCode.InvalidIdentityToken, "EncryptedAssertion is not supported", () -> fx.verify(doc));
  }

  @Test
  void aFailedStatusIsRefused() {
    ResponseSpec spec = fx.spec();
    spec.statusCode = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    refused(AwsErrorCode.InvalidIdentityToken, "Status", () -> fx.verify(fx.signedAssertion(spec)));
  }

  @Test
  void aResponseTooLongIsRefusedBeforeParsing() {
    String encoded = "A".repeat(SamlResponseVerifier.MAX_RESPONSE_CHARS + 4);
    refused(AwsErrorCode.ValidationError, "100000", () -> fx.verify(encoded));
  }

  @Test
  void aRoleTheAssertionDoesNotGrantIsDenied() {
    String encoded = TestSamlIdp.encode(fx.signedAssertion(fx.spec()));
    String otherRole = "arn:aws:iam::" + fx.account + ":role/Other";
    refused(AwsErrorCode.AccessDenied, "sts:AssumeRoleWithSAML",
        () -> fx.verifier.verify(encoded, otherRole, fx.provider.arn()));
  }

  @Test
  void anUnknownProviderIsRefused() {
    String encoded = TestSamlIdp.encode(fx.signedAssertion(fx.spec()));
    String unknown = "arn:aws:iam::" + fx.account + ":saml-provider/Nope";
    refused(AwsErrorCode.InvalidIdentityToken, "no SAML provider", () -> fx.verifier.verify(encoded, fx.roleArn, unknown));
  }

  @Test
  void errorsNeverEchoTheAssertion() {
    ResponseSpec spec = fx.spec();
    spec.nameId = "very-private-user@example.com";
    spec.recipient = "https://attacker.example/saml";
    LanyardException e = assertThrows(LanyardException.class, () -> fx.verify(fx.signedAssertion(spec)));
    assertFalse(e.getMessage().contains("very-private-user"));
    assertFalse(e.getMessage().contains("<saml:"));
  }
}
