package dev.lanyard.sts.federation.saml;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Finds the one Assertion a SAML Response vouches for, by identity, so signature-wrapping fails:
 * the document root must be a {@code samlp:Response} holding exactly one {@code saml:Assertion}
 * (as a direct child) and no other Assertion anywhere; IDs must be unique in the whole document and
 * are registered only on the Response and that Assertion; every {@code ds:Signature} must be a
 * direct child of one of those two and must verify over its parent. The Assertion returned is the
 * signed element itself or the only Assertion inside the signed Response.
 */
final class SignedAssertionLocator {
  private static final List<String> ID_ATTRIBUTES = List.of("ID", "Id", "id");

  private SignedAssertionLocator() {
  }

  /** The located assertion and which of the two elements carried a verified signature. */
  record Located(Element response, Element assertion, boolean responseSigned, boolean assertionSigned) {
  }

  static Located locate(Document doc, XmlSignatureCheck signatures) {
    Element response = doc.getDocumentElement();
    if (!SamlNames.PROTOCOL_NS.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
      throw SamlRefusal.invalid("the document is not a SAML 2.0 samlp:Response (namespace "
          + SamlNames.PROTOCOL_NS + ")");
    }
    if (doc.getElementsByTagNameNS(SamlNames.ASSERTION_NS, "EncryptedAssertion").getLength() > 0) {
      throw SamlRefusal.invalid("EncryptedAssertion is not supported; configure the IdP to send a signed,"
          + " unencrypted Assertion");
    }
    NodeList assertions = doc.getElementsByTagNameNS(SamlNames.ASSERTION_NS, "Assertion");
    if (assertions.getLength() != 1) {
      throw SamlRefusal.invalid("the Response carries " + assertions.getLength()
          + " Assertion elements; exactly one is accepted");
    }
    Element assertion = (Element) assertions.item(0);
    if (assertion.getParentNode() != response) {
      throw SamlRefusal.invalid("the Assertion is not a direct child of the Response");
    }
    requireUniqueIds(response);
    register(response, "Response");
    register(assertion, "Assertion");

    Element responseSignature = null;
    Element assertionSignature = null;
    NodeList all = doc.getElementsByTagNameNS(SamlNames.DSIG_NS, "Signature");
    for (int i = 0; i < all.getLength(); i++) {
      Element signature = (Element) all.item(i);
      Node parent = signature.getParentNode();
      if (parent == response && responseSignature == null) {
        responseSignature = signature;
      } else if (parent == assertion && assertionSignature == null) {
        assertionSignature = signature;
      } else {
        throw SamlRefusal.invalid("a ds:Signature appears where none is accepted; at most one signature is"
            + " accepted as a direct child of the Response and at most one of the Assertion");
      }
    }
    if (responseSignature == null && assertionSignature == null) {
      throw SamlRefusal.invalid("the response is not signed; a ds:Signature on the Response or on the Assertion"
          + " is required");
    }
    if (responseSignature != null) {
      signatures.verify(response, responseSignature, "Response");
    }
    if (assertionSignature != null) {
      signatures.verify(assertion, assertionSignature, "Assertion");
    }
    return new Located(response, assertion, responseSignature != null, assertionSignature != null);
  }

  private static void register(Element element, String what) {
    if (element.getAttribute("ID").isEmpty()) {
      throw SamlRefusal.invalid("the " + what + " has no ID attribute; one is required");
    }
    element.setIdAttributeNS(null, "ID", true);
  }

  /** Refuses any ID, Id or id attribute value that appears twice anywhere in the document. */
  private static void requireUniqueIds(Element root) {
    Set<String> seen = new HashSet<>();
    Node node = root;
    while (node != null) {
      if (node instanceof Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          Node attribute = attributes.item(i);
          if (attribute.getNamespaceURI() == null && ID_ATTRIBUTES.contains(attribute.getLocalName())
              && !seen.add(attribute.getNodeValue())) {
            throw SamlRefusal.invalid("the ID value of a " + element.getLocalName()
                + " element appears more than once in the document; IDs must be unique");
          }
        }
      }
      node = next(node, root);
    }
  }

  /** The next node in document order under {@code root}, or null at the end. */
  private static Node next(Node node, Node root) {
    if (node.getFirstChild() != null) {
      return node.getFirstChild();
    }
    while (node != root) {
      if (node.getNextSibling() != null) {
        return node.getNextSibling();
      }
      node = node.getParentNode();
    }
    return null;
  }
}
