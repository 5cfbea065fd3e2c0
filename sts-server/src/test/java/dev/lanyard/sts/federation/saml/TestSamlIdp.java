package dev.lanyard.sts.federation.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A real SAML 2.0 identity provider for tests: its own key pair and self-signed certificate, its
 * metadata, and Responses whose Response and/or Assertion it signs with the JDK's XML signature API
 * (exclusive c14n, enveloped, RSA-SHA256 by default).
 */
final class TestSamlIdp {
  static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

  final String entityId;
  final KeyPair keys;
  final X509Certificate certificate;

  private TestSamlIdp(String entityId, KeyPair keys, X509Certificate certificate) {
    this.entityId = entityId;
    this.keys = keys;
    this.certificate = certificate;
  }

  /** An IdP with a fresh RSA-2048 key. */
  static TestSamlIdp rsa(String entityId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, new SecureRandom());
      KeyPair keys = generator.generateKeyPair();
      return new TestSamlIdp(entityId, keys, selfSigned(keys, "SHA256withRSA"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An IdP with a fresh EC P-256 key. */
  static TestSamlIdp ec(String entityId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = generator.generateKeyPair();
      return new TestSamlIdp(entityId, keys, selfSigned(keys, "SHA256withECDSA"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate selfSigned(KeyPair keys, String algorithm) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X500Name name = new X500Name("CN=Lanyard test IdP");
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name, keys.getPublic());
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
  }

  /** This IdP's metadata, naming these certificates (its own when none are given). */
  String metadata(X509Certificate... certificates) {
    List<X509Certificate> certs = certificates.length == 0 ? List.of(certificate) : List.of(certificates);
    StringBuilder xml = new StringBuilder()
        .append("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"")
        .append(" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"").append(entityId).append("\">")
        .append("<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">");
    for (X509Certificate cert : certs) {
      xml.append("<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>")
          .append(base64(cert)).append("</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>");
    }
    return xml.append("<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\"")
        .append(" Location=\"https://idp.example.test/sso\"/>")
        .append("</md:IDPSSODescriptor></md:EntityDescriptor>").toString();
  }

  static String base64(X509Certificate cert) {
    try {
      return Base64.getEncoder().encodeToString(cert.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned Response document built from {@code spec}. */
  Document response(ResponseSpec spec) {
    return parse(spec.toXml(entityId));
  }

  /** Signs the Assertion with RSA-SHA256 / SHA-256 (ECDSA-SHA256 for an EC key). */
  void signAssertion(Document doc) {
    sign(assertion(doc), defaultMethod(), DigestMethod.SHA256, true);
  }

  /** Signs the Response with RSA-SHA256 / SHA-256 (ECDSA-SHA256 for an EC key). */
  void signResponse(Document doc) {
    sign(doc.getDocumentElement(), defaultMethod(), DigestMethod.SHA256, true);
  }

  private String defaultMethod() {
    return keys.getPublic().getAlgorithm().equals("EC") ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
  }

  /**
   * Signs {@code element} with an enveloped signature placed right after its Issuer, referencing
   * {@code #ID}, transforms enveloped + exclusive c14n.
   */
  void sign(Element element, String signatureMethod, String digestMethod, boolean withKeyInfo) {
    try {
      element.setIdAttributeNS(null, "ID", true);
      XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
      Reference reference = factory.newReference("#" + element.getAttribute("ID"),
          factory.newDigestMethod(digestMethod, null),
          List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
              factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
          null, null);
      SignedInfo signedInfo = factory.newSignedInfo(
          factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
          factory.newSignatureMethod(signatureMethod, null), List.of(reference));
      KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
      KeyInfo keyInfo = withKeyInfo ? keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate)))) : null;
      Element issuer = firstChild(element, ASSERTION_NS, "Issuer");
      Node next = issuer == null ? element.getFirstChild() : issuer.getNextSibling();
      DOMSignContext context = new DOMSignContext(keys.getPrivate(), element, next);
      context.setDefaultNamespacePrefix("ds");
      factory.newXMLSignature(signedInfo, keyInfo).sign(context);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Element assertion(Document doc) {
    return (Element) doc.getElementsByTagNameNS(ASSERTION_NS, "Assertion").item(0);
  }

  static Element firstChild(Element parent, String ns, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /** A plain namespace-aware parse, as an attacker's tooling would do. */
  static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document serialized as-is (no re-indentation). */
  static String serialize(Document doc) {
    try {
      Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SAMLResponse form value: base64 of the serialized document. */
  static String encode(Document doc) {
    return encode(serialize(doc));
  }

  static String encode(String xml) {
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }
}
