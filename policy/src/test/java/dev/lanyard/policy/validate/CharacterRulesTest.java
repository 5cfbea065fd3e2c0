package dev.lanyard.policy.validate;

import static dev.lanyard.policy.validate.ValidationAssertions.assertFinding;
import static dev.lanyard.policy.validate.ValidationAssertions.clean;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.parse.PolicyParser;
import dev.lanyard.policy.parse.TextLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS accepts tab, LF, CR and U+0020 to U+00FF in policy text. */
class CharacterRulesTest {
  private static String withConditionValue(String value) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\",\n"
        + " \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"s3:prefix\": [\"ok\", \"" + value + "\"]}}}}";
  }

  @Test
  void acceptsLatin1AndTabs() {
    clean(withConditionValue("caf\u00e9\\t\u00ff"), PolicyType.IDENTITY);
  }

  @Test
  void refusesARawCharacterAboveU00FFAtItsString() {
    String json = withConditionValue("it\u2019s");
    Finding f = onlyError(json, PolicyType.IDENTITY);
    assertFinding(f, "$.Statement.Condition.StringEquals.s3:prefix[1]", json, "\"it", "U+2019 at character 3");
    assertTrue(f.message().contains("tab, LF, CR and U+0020 to U+00FF"));
  }

  @Test
  void refusesAnEscapedCharacterAboveU00FF() {
    String json = withConditionValue("it\\u2019s");
    assertFinding(onlyError(json, PolicyType.IDENTITY), "$.Statement.Condition.StringEquals.s3:prefix[1]",
        json, "\"it", "U+2019");
  }

  @Test
  void refusesEscapedControlCharactersAndNonCharactersInKeys() {
    String json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", "
        + "\"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"s3:pre\\u0000fix\": \"a\"}}}}";
    assertFinding(onlyError(json, PolicyType.IDENTITY), "$.Statement.Condition.StringEquals['s3:pre\\u0000fix']", json,
        "\"s3:pre", "U+0000 at character 7");
  }

  @Test
  void theModelCheckReportsTheValuePosition() throws Exception {
    String json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\",\n"
        + " \"Action\": [\"s3:Get\u0100\"], \"Resource\": \"*\"}}";
    PolicyDocument doc = PolicyParser.parse(json);
    List<Finding> findings = PolicyValidator.validate(doc, PolicyType.IDENTITY);
    assertEquals(1, findings.size(), findings::toString);
    Finding f = findings.get(0);
    TextLocation at = TextLocation.of(json, "\"s3:Get");
    assertEquals("$.Statement.Action[0]", f.path());
    assertEquals(at.line(), f.line());
    assertEquals(at.column(), f.column());
    assertTrue(f.message().contains("U+0100 at character 7"), f.message());
  }
}
