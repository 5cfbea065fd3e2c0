package dev.lanyard.sts.iam;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamInput;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a SAML provider's IdP metadata document as AWS does: 1,000 to 10,000,000 characters of XML
 * (parsed with DTDs, external entities and XInclude disabled) holding a SAML 2.0
 * {@code md:EntityDescriptor}; reads its {@code validUntil}, if any.
 */
final class SamlMetadata {
  static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
  static final int MIN_LENGTH = 1000;

  /** What the metadata says that the provider record keeps ({@code validUntil} may be {@code null}). */
  record Parsed(String entityId, Instant validUntil) {}

  private SamlMetadata() {}

  static Parsed parse(String field, String xml) {
    IamValidation.required(field, xml, "SAML 2.0 IdP metadata XML of " + MIN_LENGTH + " to "
        + IamInput.SAML_METADATA_MAX + " characters");
    if (xml.length() < MIN_LENGTH || xml.length() > IamInput.SAML_METADATA_MAX) {
      throw IamValidation.invalid(field, "has " + xml.length() + " characters",
          MIN_LENGTH + " to " + IamInput.SAML_METADATA_MAX + " characters of SAML 2.0 IdP metadata XML");
    }
    Document doc = read(field, xml);
    Element root = doc.getDocumentElement();
    Element entity;
    if (METADATA_NS.equals(root.getNamespaceURI()) && "EntityDescriptor".equals(root.getLocalName())) {
      entity = root;
    } else {
      NodeList found = doc.getElementsByTagNameNS(METADATA_NS, "EntityDescriptor");
      if (found.getLength() == 0) {
        throw new LanyardException(AwsErrorCode.InvalidInput, field + " holds no EntityDescriptor; accepted: SAML 2.0"
            + " metadata with an md:EntityDescriptor in namespace " + METADATA_NS, false);
      }
      entity = (Element) found.item(0);
    }
    String validUntil = entity.getAttribute("validUntil");
    if (validUntil.isEmpty()) {
      validUntil = root.getAttribute("validUntil");
    }
    return new Parsed(entity.getAttribute("entityID"), validUntil.isEmpty() ? null : instant(field, validUntil));
  }

  private static Document read(String field, String xml) {
    try {
      DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
      builder.setErrorHandler(new SilentErrors());
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are not allowed");
      });
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      throw new LanyardException(AwsErrorCode.InvalidInput, field + " is not well-formed XML without a DTD ("
          + firstLine(e.getMessage()) + "); accepted: SAML 2.0 IdP metadata XML", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be hardened", e);
    }
  }

  /** A namespace-aware parser with DTDs, external entities, external schemas and XInclude disabled. */
  static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f;
  }

  private static Instant instant(String field, String dateTime) {
    try {
      return DatatypeFactory.newInstance().newXMLGregorianCalendar(dateTime.trim()).toGregorianCalendar()
          .toInstant();
    } catch (IllegalArgumentException | DatatypeConfigurationException e) {
      throw new LanyardException(AwsErrorCode.InvalidInput, field + " has a validUntil that is not an xs:dateTime;"
          + " accepted: a date and time such as 2030-01-01T00:00:00Z", false);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse("unreadable");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  /** Keeps the parser from printing to standard error; every problem fails the parse. */
  private static final class SilentErrors implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      // warnings do not fail the document
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }
}
