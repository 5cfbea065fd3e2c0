package dev.lanyard.sts.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the STS Query API's XML documents with the JDK's {@link XMLStreamWriter} (which escapes
 * markup characters; characters XML 1.0 cannot carry are replaced by U+FFFD): the
 * {@code <ActionResponse>} envelope around an {@code <ActionResult>} and the {@code <ErrorResponse>},
 * in the namespace {@value #NAMESPACE}.
 */
public final class QueryXml {
  /** The STS 2011-06-15 namespace. */
  public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

  private QueryXml() {}

  /** The elements inside an {@code <ActionResult>}. */
  @FunctionalInterface
  public interface ResultBody {
    void writeTo(Elements out) throws XMLStreamException;
  }

  /** A thin, escaping view of the writer for result bodies. */
  public static final class Elements {
    private final XMLStreamWriter w;

    private Elements(XMLStreamWriter w) {
      this.w = w;
    }

    /** Opens {@code <name>}. */
    public Elements open(String name) throws XMLStreamException {
      w.writeStartElement(name);
      return this;
    }

    /** Closes the innermost open element. */
    public Elements close() throws XMLStreamException {
      w.writeEndElement();
      return this;
    }

    /** {@code <name>value</name>}, or nothing when {@code value} is null. */
    public Elements text(String name, Object value) throws XMLStreamException {
      if (value != null) {
        w.writeStartElement(name);
        w.writeCharacters(xmlSafe(value.toString()));
        w.writeEndElement();
      }
      return this;
    }
  }

  /** {@code <ActionResponse><ActionResult>body</ActionResult><ResponseMetadata><RequestId>}. */
  public static byte[] result(String action, String requestId, ResultBody body) {
    return write(w -> {
      w.writeStartElement(action + "Response");
      w.writeDefaultNamespace(NAMESPACE);
      w.writeStartElement(action + "Result");
      body.writeTo(new Elements(w));
      w.writeEndElement();
      w.writeStartElement("ResponseMetadata");
      new Elements(w).text("RequestId", requestId);
      w.writeEndElement();
      w.writeEndElement();
    });
  }

  /** {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}. */
  public static byte[] error(QueryError error, String requestId) {
    return write(w -> {
      Elements out = new Elements(w);
      w.writeStartElement("ErrorResponse");
      w.writeDefaultNamespace(NAMESPACE);
      out.open("Error").text("Type", error.type()).text("Code", error.code())
          .text("Message", error.message()).close();
      out.text("RequestId", requestId);
      w.writeEndElement();
    });
  }

  /** Replaces every character XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/F) with U+FFFD. */
  static String xmlSafe(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!allowed && b == null) {
        b = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (b != null) {
        if (allowed) {
          b.appendCodePoint(cp);
        } else {
          b.append('\uFFFD');
        }
      }
      i += width;
    }
    return b == null ? text : b.toString();
  }

  private interface Document {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static byte[] write(Document document) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try {
      XMLStreamWriter w = XMLOutputFactory.newDefaultFactory()
          .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
      document.write(w);
      w.writeEndDocument();
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing an STS XML response failed", e);
    }
    return bytes.toByteArray();
  }
}
