package dev.lanyard.bench.federation;

import dev.lanyard.load.idp.SelfSignedCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SAML 2.0 IdP for the benchmark: an RSA-2048 key with a self-signed certificate, its metadata, and
 * Responses whose Assertion it signs with the JDK's XML signature API (RSA-SHA256, exclusive c14n,
 * enveloped), each with a fresh assertion id.
 */
final class SigningSamlIdp {
  static final String ENTITY_ID = "https://idp.bench.test/saml";
  private static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
  private static final String ROLE = "https://aws.amazon.com/SAML/Attributes/Role";
  private static final String SESSION_NAME = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";

  private final KeyPair keys;
  private final X509Certificate certificate;
  private final XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
  private final DocumentBuilderFactory parsers = DocumentBuilderFactory.newDefaultInstance();

  SigningSamlIdp() throws Exception {
    keys = SelfSignedCertificates.rsa();
    certificate = SelfSignedCertificates.selfSigned(keys, "Lanyard bench IdP", false);
    parsers.setNamespaceAware(true);
  }

  /** The IdP metadata naming its signing certificate. */
  String metadata() throws Exception {
    return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
        + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + ENTITY_ID + "\">"
        + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
        + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
        + Base64.getEncoder().encodeToString(certificate.getEncoded())
        + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
        + " Location=\"https://idp.bench.test/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
  }

  /**
   * A base64 SAMLResponse with a signed Assertion (fresh id) for {@code alice@example.com}, aimed at
   * {@code recipient} and {@code audience}, valid 10 minutes from {@code now}, granting {@code roleArn}
   * through {@code providerArn}.
   */
  String signedResponse(Instant now, String roleArn, String providerArn, String recipient, String audience)
      throws Exception {
    String assertionId = "_a" + UUID.randomUUID();
    Instant until = now.plusSeconds(600);
    String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
        + " xmlns:saml=\"" + ASSERTION_NS + "\" ID=\"_r" + UUID.randomUUID() + "\" Version=\"2.0\""
        + " IssueInstant=\"" + now + "\" Destination=\"" + recipient + "\">"
        + "<saml:Issuer>" + ENTITY_ID + "</saml:Issuer>"
        + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
        + "<saml:Assertion ID=\"" + assertionId + "\" Version=\"2.0\" IssueInstant=\"" + now + "\">"
        + "<saml:Issuer>" + ENTITY_ID + "</saml:Issuer>"
        + "<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">"
        + "alice@example.com</saml:NameID>"
        + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
        + "<saml:SubjectConfirmationData NotOnOrAfter=\"" + until + "\" Recipient=\"" + recipient + "\"/>"
        + "</saml:SubjectConfirmation></saml:Subject>"
        + "<saml:Conditions NotBefore=\"" + now.minusSeconds(60) + "\" NotOnOrAfter=\"" + until + "\">"
        + "<saml:AudienceRestriction><saml:Audience>" + audience + "</saml:Audience></saml:AudienceRestriction>"
        + "</saml:Conditions>"
        + "<saml:AuthnStatement AuthnInstant=\"" + now + "\" SessionNotOnOrAfter=\"" + now.plusSeconds(28_800)
        + "\" SessionIndex=\"_s1\"><saml:AuthnContext><saml:AuthnContextClassRef>"
        + "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
        + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
        + "<saml:AttributeStatement>"
        + "<saml:Attribute Name=\"" + ROLE + "\"><saml:AttributeValue>" + roleArn + "," + providerArn
        + "</saml:AttributeValue></saml:Attribute>"
        + "<saml:Attribute Name=\"" + SESSION_NAME + "\"><saml:AttributeValue>alice@example.com"
        + "</saml:AttributeValue></saml:Attribute>"
        + "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
    Document doc = parsers.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element assertion = (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "Assertion").item(0);
    sign(assertion);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** An enveloped signature right after the Assertion's Issuer, over {@code #ID}. */
  private void sign(Element assertion) throws Exception {
    assertion.setIdAttributeNS(null, "ID", true);
    Reference reference = signatures.newReference("#" + assertion.getAttribute("ID"),
        signatures.newDigestMethod(DigestMethod.SHA256, null),
        List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
            signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
        null, null);
    SignedInfo signedInfo = signatures.newSignedInfo(
        signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
        signatures.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
    Element issuer = (Element) assertion.getElementsByTagNameNS(ASSERTION_NS, "Issuer").item(0);
    DOMSignContext context = new DOMSignContext(keys.getPrivate(), assertion, issuer.getNextSibling());
    context.setDefaultNamespacePrefix("ds");
    signatures.newXMLSignature(signedInfo, null).sign(context);
  }
}
