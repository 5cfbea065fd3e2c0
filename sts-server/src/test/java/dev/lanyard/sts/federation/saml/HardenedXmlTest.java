package dev.lanyard.sts.federation.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HardenedXmlTest {
  private final HardenedXml xml = new HardenedXml(10_000, 5, 20, 4);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void refused(String document, String reason) {
    XmlRefusedException e = assertThrows(XmlRefusedException.class, () -> xml.parse(bytes(document)));
    assertTrue(e.getMessage().contains(reason), e::getMessage);
  }

  @Test
  void aPlainNamespacedDocumentParsesWithCommentsKept() {
    Document doc = xml.parse(bytes("<a:r xmlns:a=\"urn:x\"><a:v>one<!---->two</a:v></a:r>"));
    assertEquals("urn:x", doc.getDocumentElement().getNamespaceURI());
    assertEquals("onetwo", doc.getDocumentElement().getTextContent());
    assertEquals(3, doc.getDocumentElement().getFirstChild().getChildNodes().getLength());
  }

  @Test
  void predefinedEntitiesAndCharacterReferencesAreFine() {
    assertEquals("a<b&c", xml.parse(bytes("<r>a&lt;b&amp;&#99;</r>")).getDocumentElement().getTextContent());
  }

  @Test
  void aDoctypeIsRefused() {
    refused("<!DOCTYPE r><r/>", "DTD");
  }

  @Test
  void anInternalEntityIsRefused() {
    refused("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>", "DTD");
  }

  @Test
  void anExternalParameterEntityIsRefused() {
    refused("<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]><r/>", "DTD");
  }

  @Test
  void anUndeclaredEntityIsRefused() {
    assertThrows(XmlRefusedException.class, () -> xml.parse(bytes("<r>&undeclared;</r>")));
  }

  @Test
  void anXIncludeElementIsRefused() {
    refused("<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/hostname\"/></r>",
        "XInclude");
  }

  @Test
  void aProcessingInstructionIsRefused() {
    refused("<?xml version=\"1.0\"?><?xml-stylesheet href=\"x\"?><r/>", "processing instruction");
  }

  @Test
  void tooDeepIsRefused() {
    xml.parse(bytes("<a><b><c><d><e/></d></c></b></a>"));
    refused("<a><b><c><d><e><f/></e></d></c></b></a>", "deeper than 5");
  }

  @Test
  void tooManyElementsIsRefused() {
    xml.parse(bytes("<r>" + "<x/>".repeat(19) + "</r>"));
    refused("<r>" + "<x/>".repeat(20) + "</r>", "more than 20 elements");
  }

  @Test
  void tooManyAttributesIsRefused() {
    xml.parse(bytes("<r a=\"1\" b=\"2\" c=\"3\" d=\"4\"/>"));
    refused("<r a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\"/>", "more than 4 attributes");
  }

  @Test
  void tooLargeIsRefused() {
    refused("<r>" + "x".repeat(10_000) + "</r>", "bytes");
  }

  @Test
  void malformedXmlIsRefusedWithoutItsContent() {
    XmlRefusedException e = assertThrows(XmlRefusedException.class, () -> xml.parse(bytes("<r>secret-value</x>")));
    assertTrue(!e.getMessage().contains("secret-value"), e::getMessage);
  }
}
