package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

  @Test
  void minifyingRemovesOnlyWhitespaceOutsideStrings() {
    String document = "{\n  \"Version\" : \"2012-10-17\",\r\n\t\"Statement\": [ {\"Sid\": \"a b\\\" c\","
        + " \"Effect\":\"Allow\", \"Action\": \"s3:Get*\", \"Resource\": \"arn:aws:s3:::x y/\\\\\" ,"
        + " \"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": 1.50e1}}} ] }";
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"a b\\\" c\",\"Effect\":"
        + "\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"arn:aws:s3:::x y/\\\\\",\"Condition\":"
        + "{\"NumericLessThan\":{\"s3:max-keys\":1.50e1}}}]}",
        SessionPolicy.of(document, List.of()).document());
  }

  @Test
  void duplicateMembersAndOrderAreKeptForThePolicyEngineToJudge() {
    assertEquals("{\"b\":1,\"a\":2,\"a\":3}",
        SessionPolicy.of("{ \"b\": 1, \"a\": 2, \"a\": 3 }", List.of()).document());
  }

  @Test
  void documentsThatAreNotOneJsonObjectAreMalformed() {
    for (String bad : List.of("[1]", "{\"a\":", "{} {}", "\"text\"", "{'a': 1}")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SessionPolicy.of(bad, List.of()), bad);
      assertTrue(e.getMessage().contains("MalformedPolicyDocument"), e.getMessage());
      assertTrue(e.getMessage().startsWith("Policy:"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new SessionPolicy(" ", List.of()));
  }

  @Test
  void noDocumentAndNoArnsIsNone() {
    assertSame(SessionPolicy.NONE, SessionPolicy.of(null, List.of()));
    assertTrue(SessionPolicy.NONE.isEmpty());
    SessionPolicy arnsOnly = SessionPolicy.of(null, List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    assertNull(arnsOnly.document());
    assertEquals(1, arnsOnly.managedPolicyArns().size());
  }
}
