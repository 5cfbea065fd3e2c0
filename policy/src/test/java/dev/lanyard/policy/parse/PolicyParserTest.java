package dev.lanyard.policy.parse;

import static dev.lanyard.policy.parse.ParseAssertions.assertFinding;
import static dev.lanyard.policy.parse.ParseAssertions.assertPosition;
import static dev.lanyard.policy.parse.ParseAssertions.parseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.validate.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document and statement grammar, with examples from the IAM User Guide. */
class PolicyParserTest {
  /** IAM User Guide, "Example policies": list a bucket and act on its objects. */
  private static final String S3_EXAMPLE = """
      {
        "Version": "2012-10-17",
        "Id": "S3ExamplePolicy",
        "Statement": [
          {
            "Sid": "ListObjectsInBucket",
            "Effect": "Allow",
            "Action": ["s3:ListBucket"],
            "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket"]
          },
          {
            "Sid": "AllObjectActions",
            "Effect": "Deny",
            "NotAction": "s3:*Object",
            "NotResource": ["arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:s3:::other/*"]
          }
        ]
      }
      """;

  @Test
  void readsEveryTopLevelAndStatementElement() throws Exception {
    PolicyDocument doc = PolicyParser.parse(S3_EXAMPLE);
    assertEquals(PolicyVersion.V2012_10_17, doc.version());
    assertTrue(doc.versionGiven());
    assertEquals("S3ExamplePolicy", doc.id());
    assertEquals(2, doc.statements().size());

    Statement first = doc.statements().get(0);
    assertEquals(0, first.index());
    assertEquals("ListObjectsInBucket", first.sid());
    assertEquals(Effect.ALLOW, first.effect());
    assertFalse(first.action().negated());
    assertEquals(List.of("s3:ListBucket"), first.action().values());
    assertEquals(List.of("arn:aws:s3:::amzn-s3-demo-bucket"), first.resource().values());
    assertNull(first.principal());
    assertTrue(first.conditions().isEmpty());

    Statement second = doc.statements().get(1);
    assertEquals(1, second.index());
    assertEquals(Effect.DENY, second.effect());
    assertTrue(second.action().negated());
    assertEquals(List.of("s3:*Object"), second.action().values());
    assertTrue(second.resource().negated());
    assertEquals(2, second.resource().values().size());
  }

  @Test
  void recordsWhereEachElementAndValueStands() throws Exception {
    PolicyDocument doc = PolicyParser.parse(S3_EXAMPLE);
    Statement second = doc.statements().get(1);
    assertPosition(doc.statements().get(0).position(), "$.Statement[0]", S3_EXAMPLE, "{\n      \"Sid\"");
    assertPosition(second.action().position(), "$.Statement[1].NotAction", S3_EXAMPLE, "\"NotAction\"");
    assertPosition(second.action().positionOf(0), "$.Statement[1].NotAction", S3_EXAMPLE, "\"s3:*Object\"");
    assertPosition(second.resource().positionOf(1), "$.Statement[1].NotResource[1]", S3_EXAMPLE,
        "\"arn:aws:s3:::other/*\"");
  }

  @Test
  void missingVersionMeans2008WithVersionGivenFalse() throws Exception {
    PolicyDocument doc = PolicyParser.parse("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}");
    assertEquals(PolicyVersion.V2008_10_17, doc.version());
    assertFalse(doc.versionGiven());
  }

  @Test
  void acceptsVersion2008WhenGiven() throws Exception {
    PolicyDocument doc = PolicyParser.parse("{\"Version\": \"2008-10-17\", \"Statement\": {\"Effect\": \"Deny\"}}");
    assertEquals(PolicyVersion.V2008_10_17, doc.version());
    assertTrue(doc.versionGiven());
  }

  @Test
  void refusesAnUnknownVersionListingTheAcceptedOnes() {
    String json = "{\"Version\": \"2012-10-18\", \"Statement\": {\"Effect\": \"Allow\"}}";
    Finding f = parseError(json);
    assertFinding(f, "$.Version", json, "\"2012-10-18\"", "\"2012-10-17\" (current) or \"2008-10-17\"");
  }

  @Test
  void refusesAVersionThatIsNotAString() {
    String json = "{\"Version\": 2012, \"Statement\": {\"Effect\": \"Allow\"}}";
    assertFinding(parseError(json), "$.Version", json, "2012", "Version must be a string");
  }

  @Test
  void refusesAnIdThatIsNotAString() {
    String json = "{\"Id\": [\"x\"], \"Statement\": {\"Effect\": \"Allow\"}}";
    assertFinding(parseError(json), "$.Id", json, "[", "Id must be a string");
  }

  @Test
  void acceptsASingleStatementObject() throws Exception {
    PolicyDocument doc = PolicyParser.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}");
    assertEquals(1, doc.statements().size());
    assertEquals("$.Statement", doc.statements().get(0).position().path());
  }

  @Test
  void refusesAnEmptyStatementArray() {
    String json = "{\"Version\": \"2012-10-17\", \"Statement\": []}";
    assertFinding(parseError(json), "$.Statement", json, "[]", "empty array");
  }

  @Test
  void refusesADocumentWithoutStatement() {
    String json = "{\"Version\": \"2012-10-17\"}";
    assertFinding(parseError(json), "$", json, "{", "Missing required field Statement");
  }

  @Test
  void refusesAStatementOfTheWrongShape() {
    String json = "{\"Statement\": \"Allow\"}";
    assertFinding(parseError(json), "$.Statement", json, "\"Allow\"", "object or a non-empty array");
    String inArray = "{\"Statement\": [{\"Effect\": \"Allow\"}, 7]}";
    assertFinding(parseError(inArray), "$.Statement[1]", inArray, "7", "a statement must be a JSON object");
  }

  @Test
  void refusesAStatementWithoutEffect() {
    String json = "{\"Statement\": [{\"Action\": \"*\"}]}";
    assertFinding(parseError(json), "$.Statement[0]", json, "{\"Action\"", "Missing required field Effect");
  }

  @Test
  void effectIsCaseSensitive() {
    String json = "{\"Statement\": [{\"Effect\": \"allow\"}]}";
    assertFinding(parseError(json), "$.Statement[0].Effect", json, "\"allow\"",
        "accepted (case-sensitive): \"Allow\" or \"Deny\"");
  }

  @Test
  void refusesASidThatIsNotAString() {
    String json = "{\"Statement\": [{\"Sid\": 1, \"Effect\": \"Allow\"}]}";
    assertFinding(parseError(json), "$.Statement[0].Sid", json, "1,", "Sid must be a string");
  }

  @Test
  void elementNamesAreCaseSensitive() {
    String json = "{\"Statement\": [{\"effect\": \"Allow\"}]}";
    assertFinding(parseError(json), "$.Statement[0].effect", json, "\"effect\"",
        "did you mean Effect?");
    assertTrue(parseError(json).message().contains("Sid, Effect, Principal, NotPrincipal, Action, "
        + "NotAction, Resource, NotResource, Condition"));
  }

  @Test
  void refusesAnUnknownTopLevelElement() {
    String json = "{\"version\": \"2012-10-17\", \"Statement\": []}";
    assertFinding(parseError(json), "$.version", json, "\"version\"", "accepted at the top level (case-sensitive): Version, Id, Statement");
  }

  @Test
  void refusesBothActionAndNotAction() {
    String json = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"NotAction\": \"s3:*\"}]}";
    assertFinding(parseError(json), "$.Statement[0].NotAction", json, "\"NotAction\"",
        "Action or NotAction, not both");
  }

  @Test
  void refusesBothResourceAndNotResource() {
    String json = "{\"Statement\": [{\"Effect\": \"Allow\", \"NotResource\": \"*\", \"Resource\": \"*\"}]}";
    assertFinding(parseError(json), "$.Statement[0].Resource", json, "\"Resource\"",
        "Resource or NotResource, not both");
  }

  @Test
  void refusesBothPrincipalAndNotPrincipal() {
    String json = "{\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\", \"NotPrincipal\": \"*\"}]}";
    assertFinding(parseError(json), "$.Statement[0].NotPrincipal", json, "\"NotPrincipal\"",
        "Principal or NotPrincipal, not both");
  }

  @Test
  void actionAndResourceAreStringsOrNonEmptyArraysOfStrings() {
    String empty = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": []}]}";
    assertFinding(parseError(empty), "$.Statement[0].Action", empty, "[]", "empty array");
    String number = "{\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": 5}]}";
    assertFinding(parseError(number), "$.Statement[0].Resource", number, "5", "string or a non-empty array of strings");
    String nested = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:*\", [\"x\"]]}]}";
    assertFinding(parseError(nested), "$.Statement[0].Action[1]", nested, "[\"x\"]", "entries must be strings");
    String nul = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [null]}]}";
    assertFinding(parseError(nul), "$.Statement[0].Action[0]", nul, "null", "found null");
  }

  @Test
  void duplicateKeysAreErrorsAtEveryLevel() {
    String top = "{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\", \"Statement\": []}";
    assertFinding(parseError(top), "$.Version", top, "\"Version\": \"2012-10-17\", \"Statement\"",
        "duplicate key \"Version\"");
    String statement = "{\"Statement\": [{\"Effect\": \"Allow\", \"Effect\": \"Deny\"}]}";
    assertFinding(parseError(statement), "$.Statement[0].Effect", statement, "\"Effect\": \"Deny\"",
        "duplicate key \"Effect\"");
  }

  @Test
  void acceptsADocumentGivenAsAJsonString() throws Exception {
    String inner = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}";
    String wrapped = "\"" + inner.replace("\"", "\\\"") + "\"";
    PolicyDocument doc = PolicyParser.parse(wrapped);
    assertEquals(PolicyParser.parse(inner).statements().get(0).action().values(),
        doc.statements().get(0).action().values());
    assertEquals(inner, PolicyParser.documentText(wrapped));
    assertEquals(inner, PolicyParser.documentText(inner));
  }

  @Test
  void errorsInsideAStringDocumentPointIntoItsContent() {
    String wrapped = "\"{\\\"Statement\\\": {\\\"Effect\\\": \\\"allow\\\"}}\"";
    Finding f = parseError(wrapped);
    assertEquals("$.Statement.Effect", f.path());
    assertEquals(1, f.line());
    assertEquals(TextLocation.of("{\"Statement\": {\"Effect\": \"allow\"}}", "\"allow\"").column(), f.column());
  }

  @Test
  void aStringDocumentMustHoldAnObject() {
    String wrapped = "\"\\\"nested\\\"\"";
    assertFinding(parseError(wrapped), "$", "\"nested\"", "\"nested\"", "must be a JSON object");
  }

  @Test
  void refusesContentAfterTheDocument() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\"}} {}";
    assertFinding(parseError(json), "$", json, "{}", "unexpected content after the policy document");
    String garbage = "{\"Statement\": {\"Effect\": \"Allow\"}} xyz";
    assertTrue(parseError(garbage).message().contains("not valid JSON"));
  }

  @Test
  void refusesDocumentsThatAreNotObjects() {
    assertFinding(parseError("[]"), "$", "[]", "[", "must be a JSON object");
    assertFinding(parseError(""), "$", "x", "x", "found the end of the input");
    assertFinding(parseError("   42"), "$", "   42", "42", "found the number 42");
  }

  @Test
  void reportsJsonSyntaxErrorsWithTheirPosition() {
    String json = "{\n  \"Statement\": {\"Effect\": \"Allow\",, }\n}";
    Finding f = parseError(json);
    assertEquals(2, f.line());
    assertEquals(TextLocation.of(json, ", }").column(), f.column(), "the second comma");
    assertTrue(f.message().startsWith("the document is not valid JSON"), f.message());
  }

  @Test
  void parsesUtf8BytesAndIgnoresAByteOrderMark() throws Exception {
    byte[] body = "{\"Statement\": {\"Sid\": \"caf\u00e9\", \"Effect\": \"Allow\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals("caf\u00e9", PolicyParser.parse(body).statements().get(0).sid());
    assertEquals("caf\u00e9", PolicyParser.parse(withBom).statements().get(0).sid());
  }

  @Test
  void exceptionMessageNamesThePositionButNotTheDocument() {
    String secretLooking = "x".repeat(500);
    String json = "{\"Statement\": [{\"Effect\": \"" + secretLooking + "\"}]}";
    PolicyParseException e = org.junit.jupiter.api.Assertions.assertThrows(
        PolicyParseException.class, () -> PolicyParser.parse(json));
    assertTrue(e.getMessage().contains("$.Statement[0].Effect (line 1, column 27)"), e.getMessage());
    assertFalse(e.getMessage().contains(secretLooking), "message echoes the whole value");
  }
}
