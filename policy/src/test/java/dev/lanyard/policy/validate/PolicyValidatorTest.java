package dev.lanyard.policy.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator's front: parse failures, size limits, ordering of findings. */
class PolicyValidatorTest {
  /** A minified session policy of exactly {@code size} characters. */
  private static String sessionPolicyOfSize(int size) {
    String head = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
        + "\"Resource\":\"arn:aws:s3:::b/";
    String tail = "\"}}";
    return head + "k".repeat(size - head.length() - tail.length()) + tail;
  }

  @Test
  void aDocumentThatDoesNotParseGivesItsParseFindingAndNoDocument() {
    ValidationReport report = PolicyValidator.validate("{\"Statement\": {\"Effect\": \"Allow\"", PolicyType.IDENTITY);
    assertNull(report.document());
    assertFalse(report.valid());
    assertEquals(1, report.findings().size());
    assertEquals(Finding.MALFORMED_POLICY_DOCUMENT, report.findings().get(0).code());
    assertEquals(PolicyType.IDENTITY, report.type());
  }

  @Test
  void aValidDocumentComesBackParsed() {
    ValidationReport report = PolicyValidator.validate(sessionPolicyOfSize(300), PolicyType.SESSION);
    assertTrue(report.valid());
    assertNotNull(report.document());
  }

  @Test
  void sizeOverTheLimitIsLimitExceeded() {
    String atLimit = sessionPolicyOfSize(PolicySizes.SESSION);
    assertEquals(PolicySizes.SESSION, atLimit.length());
    assertTrue(PolicyValidator.validate(atLimit, PolicyType.SESSION).findings().isEmpty());

    ValidationReport over = PolicyValidator.validate(sessionPolicyOfSize(PolicySizes.SESSION + 1), PolicyType.SESSION);
    assertFalse(over.valid());
    assertEquals(1, over.findings().size());
    Finding f = over.findings().get(0);
    assertEquals(Finding.LIMIT_EXCEEDED, f.code());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("$", f.path());
    assertTrue(f.message().contains("Cannot exceed quota for PolicySize: 2048"), f.message());
    assertTrue(f.message().contains("has 2049 characters"), f.message());
  }

  @Test
  void whitespaceDoesNotCountTowardsTheLimit() {
    String pretty = sessionPolicyOfSize(PolicySizes.SESSION)
        .replace("\",\"", "\",\n    \"").replace("\":\"", "\" : \"").replace("{", "{\n  ");
    assertTrue(pretty.length() > PolicySizes.SESSION + 20);
    assertTrue(PolicyValidator.validate(pretty, PolicyType.SESSION).valid());
  }

  @Test
  void anExplicitLimitReplacesTheTypeDefault() {
    String policy = sessionPolicyOfSize(3000);
    assertTrue(PolicyValidator.validate(policy, PolicyType.IDENTITY).valid());
    ValidationReport inlineUser = PolicyValidator.validate(policy, PolicyType.IDENTITY, PolicySizes.INLINE_USER);
    assertEquals(Finding.LIMIT_EXCEEDED, inlineUser.findings().get(0).code());
    assertThrows(IllegalArgumentException.class, () -> PolicyValidator.validate(policy, PolicyType.IDENTITY, 0));
  }

  @Test
  void theSizeOfAStringDocumentIsTheSizeOfItsContent() {
    String inner = sessionPolicyOfSize(PolicySizes.SESSION);
    String wrapped = "\"" + inner.replace("\"", "\\\"") + "\"";
    assertTrue(wrapped.length() > PolicySizes.SESSION);
    assertTrue(PolicyValidator.validate(wrapped, PolicyType.SESSION).valid());
  }

  @Test
  void aParseFailureStillReportsTheSize() {
    String broken = sessionPolicyOfSize(PolicySizes.SESSION + 10).replace("\"Effect\"", "\"Effect\"\"");
    List<String> codes = new ArrayList<>();
    PolicyValidator.validate(broken, PolicyType.SESSION).findings().forEach(f -> codes.add(f.code()));
    assertEquals(List.of(Finding.LIMIT_EXCEEDED, Finding.MALFORMED_POLICY_DOCUMENT), codes);
  }

  @Test
  void findingsAreSortedByLineAndColumn() {
    String json = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "First", "Effect": "Allow", "Action": "s3GetObject"},
          {"Sid": "First", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "bucket"}]}
        """;
    List<Finding> findings = PolicyValidator.validate(json, PolicyType.IDENTITY).findings();
    assertEquals(4, findings.size(), findings::toString);
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.BY_POSITION);
    assertEquals(sorted, findings);
    assertEquals(List.of(2, 2, 3, 3), findings.stream().map(Finding::line).toList());
  }

  @Test
  void elementRulesAloneSkipTheSizeCheck() throws Exception {
    String big = sessionPolicyOfSize(PolicySizes.SESSION * 3);
    assertTrue(PolicyValidator.validate(PolicyParser.parse(big), PolicyType.SESSION).isEmpty());
  }

  @Test
  void findingsPrintTheirPlace() {
    Finding f = new Finding(Finding.MALFORMED_POLICY_DOCUMENT, Severity.ERROR, "$.Statement[0]", 3, 5, "bad");
    assertEquals("ERROR MalformedPolicyDocument at $.Statement[0] (line 3, column 5): bad", f.toString());
  }
}
