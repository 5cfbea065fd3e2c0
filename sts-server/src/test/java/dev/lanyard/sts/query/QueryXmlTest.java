package dev.lanyard.sts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class QueryXmlTest {
  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static String text(Document d, String name) {
    return d.getElementsByTagNameNS(QueryXml.NAMESPACE, name).item(0).getTextContent();
  }

  @Test
  void anErrorDocumentEscapesMarkupAndReplacesCharactersXmlCannotCarry() throws Exception {
    QueryError error = QueryError.of(new LanyardException(AwsErrorCode.MalformedPolicyDocument,
        "Policy: <\"Statement\"> & ']]>' \u0000 \uD800 end"));
    byte[] xml = QueryXml.error(error, "req-1");
    String raw = new String(xml, StandardCharsets.UTF_8);
    assertFalse(raw.contains("<\"Statement\">"), raw);
    Document d = parse(xml);
    Element root = d.getDocumentElement();
    assertEquals("ErrorResponse", root.getLocalName());
    assertEquals(QueryXml.NAMESPACE, root.getNamespaceURI());
    assertEquals("Sender", text(d, "Type"));
    assertEquals("MalformedPolicyDocument", text(d, "Code"));
    assertEquals("Policy: <\"Statement\"> & ']]>' \uFFFD \uFFFD end", text(d, "Message"));
    assertEquals("req-1", text(d, "RequestId"));
    assertEquals(400, error.httpStatus());
  }

  @Test
  void receiverFaultsKeepTheirStatusAndInternalFailuresSayNothingOfTheCause() {
    QueryError unavailable = QueryError.of(new LanyardException(AwsErrorCode.ServiceUnavailable, "store down"));
    assertEquals("Receiver", unavailable.type());
    assertEquals(503, unavailable.httpStatus());
    QueryError internal = QueryError.internal("req-2");
    assertEquals("ServiceFailure", internal.code());
    assertEquals(500, internal.httpStatus());
    assertTrue(internal.message().contains("req-2"));
  }

  @Test
  void aResultIsWrappedInTheActionEnvelopeWithTheRequestIdAndLeavesOutAbsentElements() throws Exception {
    byte[] xml = QueryXml.result("GetCallerIdentity", "req-3", out -> out.text("UserId", "AIDAEXAMPLE")
        .text("Account", "123456789012").text("Arn", "arn:aws:iam::123456789012:user/a&b").text("Absent", null));
    assertEquals("<GetCallerIdentityResponse xmlns=\"" + QueryXml.NAMESPACE + "\"><GetCallerIdentityResult>"
        + "<UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>"
        + "<Arn>arn:aws:iam::123456789012:user/a&amp;b</Arn></GetCallerIdentityResult>"
        + "<ResponseMetadata><RequestId>req-3</RequestId></ResponseMetadata></GetCallerIdentityResponse>",
        new String(xml, StandardCharsets.UTF_8));
    assertEquals("arn:aws:iam::123456789012:user/a&b", text(parse(xml), "Arn"));
  }

  @Test
  void timestampsAreIso8601InWholeSecondsUtc() {
    assertEquals("2026-11-23T12:34:56Z", QueryResults.timestamp(Instant.parse("2026-11-23T12:34:56.789Z")));
    assertEquals("2026-11-23T00:00:00Z", QueryResults.timestamp(Instant.parse("2026-11-23T00:00:00Z")));
  }
}
