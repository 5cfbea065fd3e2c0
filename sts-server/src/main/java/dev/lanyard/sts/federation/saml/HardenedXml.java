package dev.lanyard.sts.federation.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A namespace-aware XML parser for untrusted input. Every document is first scanned with StAX
 * (no DTD support, no external entities) against limits on bytes, depth, element count and
 * attributes per element; any DTD, entity reference, processing instruction or XInclude element is
 * refused. Only then is it parsed to DOM by a factory with {@code disallow-doctype-decl}, external
 * entities and external DTDs off, XInclude off, no entity expansion and secure processing on.
 */
public final class HardenedXml {
  /** The XInclude namespace: its elements are refused, never processed. */
  static final String XINCLUDE_NS = "http://www.w3.org/2001/XInclude";

  private final int maxBytes;
  private final int maxDepth;
  private final int maxElements;
  private final int maxAttributes;
  private final XMLInputFactory scanners;
  private final DocumentBuilderFactory builders;

  /**
   * A parser with these limits.
   *
   * @param maxBytes largest accepted document, in bytes
   * @param maxDepth deepest accepted element nesting (the root is depth 1)
   * @param maxElements most elements in one document
   * @param maxAttributes most attributes (namespace declarations included) on one element
   */
  public HardenedXml(int maxBytes, int maxDepth, int maxElements, int maxAttributes) {
    if (maxBytes < 1 || maxDepth < 1 || maxElements < 1 || maxAttributes < 1) {
      throw new IllegalArgumentException("HardenedXml limits must all be at least 1");
    }
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
    this.maxElements = maxElements;
    this.maxAttributes = maxAttributes;
    this.scanners = scannerFactory();
    this.builders = builderFactory();
  }

  /** Limits that fit SAML responses and IdP metadata: 1 MB, depth 32, 5,000 elements, 64 attributes. */
  public static HardenedXml forSaml() {
    return new HardenedXml(1_000_000, 32, 5_000, 64);
  }

  /**
   * Parses {@code xml} to a DOM document.
   *
   * @throws XmlRefusedException when the document breaks a limit or a rule, or is not well-formed
   */
  public Document parse(byte[] xml) {
    if (xml.length > maxBytes) {
      throw new XmlRefusedException("the XML document has " + xml.length + " bytes; at most " + maxBytes
          + " are accepted");
    }
    scan(xml);
    try {
      DocumentBuilder builder = builders.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are refused");
      });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXException | IOException e) {
      throw new XmlRefusedException("the XML document is not accepted: " + safeReason(e), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required hardening feature", e);
    }
  }

  private void scan(byte[] xml) {
    XMLStreamReader reader = null;
    try {
      reader = scanners.createXMLStreamReader(new ByteArrayInputStream(xml));
      int depth = 0;
      int elements = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            depth++;
            elements++;
            if (depth > maxDepth) {
              throw new XmlRefusedException("the XML document nests elements deeper than " + maxDepth
                  + " levels; at most " + maxDepth + " are accepted");
            }
            if (elements > maxElements) {
              throw new XmlRefusedException("the XML document has more than " + maxElements
                  + " elements; at most " + maxElements + " are accepted");
            }
            if (reader.getAttributeCount() + reader.getNamespaceCount() > maxAttributes) {
              throw new XmlRefusedException("an XML element has more than " + maxAttributes
                  + " attributes; at most " + maxAttributes + " are accepted");
            }
            if (XINCLUDE_NS.equals(reader.getNamespaceURI())) {
              throw new XmlRefusedException("the XML document contains an XInclude element; XInclude is not accepted");
            }
          }
          case XMLStreamConstants.END_ELEMENT -> depth--;
          case XMLStreamConstants.DTD -> throw new XmlRefusedException(
              "the XML document has a document type declaration (DTD); DTDs are not accepted");
          case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION -> throw new XmlRefusedException(
              "the XML document uses an entity; only the predefined XML entities and character references are accepted");
          case XMLStreamConstants.PROCESSING_INSTRUCTION -> throw new XmlRefusedException(
              "the XML document has a processing instruction; none are accepted");
          default -> {
            // text, comments, whitespace, CDATA and the document boundaries are fine
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new XmlRefusedException("the XML document is not well-formed or uses a refused feature: "
          + safeReason(e), e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing was held open beyond the byte array
        }
      }
    }
  }

  /** A short reason without document content: the exception type and position only. */
  private static String safeReason(Exception e) {
    if (e instanceof SAXParseException p) {
      return "parse error at line " + p.getLineNumber() + ", column " + p.getColumnNumber();
    }
    if (e instanceof XMLStreamException x && x.getLocation() != null) {
      return "parse error at line " + x.getLocation().getLineNumber() + ", column "
          + x.getLocation().getColumnNumber();
    }
    return e.getClass().getSimpleName();
  }

  private static XMLInputFactory scannerFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external resources are refused");
    });
    return factory;
  }

  private static DocumentBuilderFactory builderFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required hardening feature", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setValidating(false);
    factory.setIgnoringComments(false);
    return factory;
  }

  private static final ErrorHandler SILENT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException exception) {
      // warnings do not stop parsing and are not printed
    }

    @Override
    public void error(SAXParseException exception) throws SAXException {
      throw exception;
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
      throw exception;
    }
  };
}
