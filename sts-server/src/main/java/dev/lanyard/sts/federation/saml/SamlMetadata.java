package dev.lanyard.sts.federation.saml;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What Lanyard trusts from a SAML IdP's metadata: its entity id (the {@code Issuer} its assertions
 * must carry), its signing certificates (from {@code IDPSSODescriptor/KeyDescriptor} with
 * {@code use="signing"} or no {@code use}), at most {@value #MAX_CERTIFICATES}, and the optional
 * {@code validUntil} of the {@code EntityDescriptor}.
 */
public record SamlMetadata(String entityId, List<X509Certificate> signingCertificates, Optional<Instant> validUntil) {
  /** Most signing certificates one provider may have, as AWS allows. */
  public static final int MAX_CERTIFICATES = 10;
  private static final int MIN_RSA_BITS = 2048;
  private static final HardenedXml XML = HardenedXml.forSaml();

  public SamlMetadata {
    Objects.requireNonNull(entityId, "entityId");
    signingCertificates = List.copyOf(signingCertificates);
    Objects.requireNonNull(validUntil, "validUntil");
    if (signingCertificates.isEmpty() || signingCertificates.size() > MAX_CERTIFICATES) {
      throw invalid("has " + signingCertificates.size() + " signing certificates; accepted: 1 to " + MAX_CERTIFICATES);
    }
  }

  /**
   * Parses IdP metadata XML with the hardened parser.
   *
   * @throws LanyardException {@code InvalidInput} naming what is missing or refused
   */
  public static SamlMetadata parse(String metadataXml) {
    Objects.requireNonNull(metadataXml, "metadataXml");
    Document doc;
    try {
      doc = XML.parse(metadataXml.getBytes(StandardCharsets.UTF_8));
    } catch (XmlRefusedException e) {
      throw invalid("is refused: " + e.getMessage());
    }
    Element root = doc.getDocumentElement();
    if (!SamlNames.METADATA_NS.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
      throw invalid("must have an md:EntityDescriptor root element (namespace " + SamlNames.METADATA_NS + ")");
    }
    String entityId = root.getAttribute("entityID");
    if (entityId.isBlank() || entityId.length() > 1024) {
      throw invalid("has no entityID on its EntityDescriptor, or one over 1024 characters");
    }
    List<Element> idps = DomReading.children(root, SamlNames.METADATA_NS, "IDPSSODescriptor");
    if (idps.size() != 1) {
      throw invalid("has " + idps.size() + " IDPSSODescriptor elements; exactly one is accepted");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Element keyDescriptor : DomReading.children(idps.get(0), SamlNames.METADATA_NS, "KeyDescriptor")) {
      String use = keyDescriptor.getAttribute("use");
      if (!use.isEmpty() && !"signing".equals(use)) {
        continue;
      }
      for (Element keyInfo : DomReading.children(keyDescriptor, SamlNames.DSIG_NS, "KeyInfo")) {
        for (Element x509Data : DomReading.children(keyInfo, SamlNames.DSIG_NS, "X509Data")) {
          for (Element cert : DomReading.children(x509Data, SamlNames.DSIG_NS, "X509Certificate")) {
            X509Certificate parsed = certificate(cert);
            if (!certificates.contains(parsed)) {
              certificates.add(parsed);
            }
          }
        }
      }
    }
    if (certificates.isEmpty()) {
      throw invalid("has no signing certificate: IDPSSODescriptor needs a KeyDescriptor (use=\"signing\" or no use)"
          + " with a ds:X509Certificate");
    }
    return new SamlMetadata(entityId, certificates, validUntil(root));
  }

  private static Optional<Instant> validUntil(Element root) {
    if (!root.hasAttribute("validUntil")) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(root.getAttribute("validUntil")).toInstant());
    } catch (DateTimeParseException e) {
      throw invalid("has a validUntil that is not an xs:dateTime with a time zone (for example 2030-01-01T00:00:00Z)");
    }
  }

  private static X509Certificate certificate(Element element) {
    String text = element.getTextContent().replaceAll("[\\s]", "");
    X509Certificate cert;
    try {
      byte[] der = Base64.getDecoder().decode(text);
      cert = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | CertificateException e) {
      throw invalid("has a ds:X509Certificate that is not a base64 DER X.509 certificate");
    }
    PublicKey key = cert.getPublicKey();
    if (key instanceof RSAPublicKey rsa) {
      if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
        throw invalid("has an RSA signing certificate of " + rsa.getModulus().bitLength()
            + " bits; accepted: RSA of at least " + MIN_RSA_BITS + " bits, or EC");
      }
    } else if (!(key instanceof ECPublicKey)) {
      throw invalid("has a signing certificate with a " + key.getAlgorithm() + " key; accepted: RSA or EC");
    }
    return cert;
  }

  private static LanyardException invalid(String problem) {
    return new LanyardException(AwsErrorCode.InvalidInput, "SAMLMetadataDocument " + problem);
  }
}
