package dev.lanyard.sts.federation.saml;

/**
 * XML that {@link HardenedXml} refuses to parse: a DTD, an entity, an XInclude, too large, too deep,
 * too many elements, or not well-formed. The message says which limit or rule, never the content.
 */
public final class XmlRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  XmlRefusedException(String message) {
    super(message);
  }

  XmlRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
