package dev.lanyard.sts.federation.saml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads a DOM by walking the children of a known element: no XPath, no document-wide search by name. */
final class DomReading {
  private DomReading() {
  }

  /** The child elements of {@code parent} with this namespace and local name, in document order. */
  static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  /** The only such child, or null when there is none; more than one is an error naming {@code field}. */
  static Element atMostOne(Element parent, String namespace, String localName, String field) {
    List<Element> found = children(parent, namespace, localName);
    if (found.size() > 1) {
      throw SamlRefusal.invalid(field + " appears " + found.size() + " times; at most once is accepted");
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /** The only such child; none or more than one is an error naming {@code field}. */
  static Element exactlyOne(Element parent, String namespace, String localName, String field) {
    Element found = atMostOne(parent, namespace, localName, field);
    if (found == null) {
      throw SamlRefusal.invalid(field + " is missing; exactly one is required");
    }
    return found;
  }

  /**
   * The text of an element as signed: every descendant text node joined ({@code getTextContent}), so
   * a comment inserted into the value cannot shorten it. Child elements are refused.
   */
  static String text(Element element, String field) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        throw SamlRefusal.invalid(field + " contains a child element; only text is accepted");
      }
    }
    return element.getTextContent();
  }
}
