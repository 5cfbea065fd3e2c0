package dev.lanyard.policy.validate;

import static dev.lanyard.policy.validate.ValidationAssertions.assertFinding;
import static dev.lanyard.policy.validate.ValidationAssertions.clean;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyError;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Formats of actions, resources, principals and condition keys. */
class ElementFormatTest {
  private static String identity(String actions, String resources) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\",\n \"Action\": " + actions
        + ",\n \"Resource\": " + resources + "}}";
  }

  private static String bucketPolicy(String principal) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\",\n \"Principal\": " + principal
        + ",\n \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::amzn-s3-demo-bucket/*\"}}";
  }

  private static String condition(String condition) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", "
        + "\"Resource\": \"*\",\n \"Condition\": " + condition + "}}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "s3:GetObject", "ec2:Describe*", "iam:*", "S3:GetObject", "execute-api:Invoke",
      "s3:Get?bject", "Partnercentral-account-management:AssociatePartnerUser", "s3:*Object*"})
  void acceptsWellFormedActions(String action) {
    clean(identity("\"" + action + "\"", "\"*\""), PolicyType.IDENTITY);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "s3GetObject   | has no service prefix",
      "s3:           | has no action name after the ':'",
      ":GetObject    | has an empty service prefix",
      "s3*:GetObject | may hold only letters, digits and '-'",
      "s3:Get Object | has whitespace in the action name",
      "s3:Get:Object | has a second ':' in the action name"})
  void refusesMalformedActionsAtTheirPosition(String action, String says) {
    String json = identity("[\"s3:ListBucket\", \"" + action + "\"]", "\"*\"");
    assertFinding(onlyError(json, PolicyType.IDENTITY), "$.Statement.Action[1]", json, "\"" + action + "\"", says);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:iam::*:role/*",
      "arn:aws:organizations::*:", "arn:*:dynamodb:*:*:table/${aws:username}", "arn:aws-cn:ec2:cn-north-1:123456789012:instance/*"})
  void acceptsArnsAndTheWildcard(String resource) {
    clean(identity("\"s3:*\"", "\"" + resource + "\""), PolicyType.IDENTITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bucket", "arn:aws:s3", "arn::s3:::b", "arn:aws::::x", "**", "", "ARN:aws:s3:::b"})
  void refusesResourcesThatAreNotArns(String resource) {
    String json = identity("\"s3:*\"", "[\"*\", \"" + resource + "\"]");
    assertFinding(onlyError(json, PolicyType.IDENTITY), "$.Statement.Resource[1]", json,
        "\"" + resource + "\"]", "must be in ARN format or \"*\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"*\"", "{\"AWS\": \"*\"}", "{\"AWS\": \"123456789012\"}",
      "{\"AWS\": [\"arn:aws:iam::123456789012:role/r\", \"arn:aws:sts::123456789012:assumed-role/r/s\"]}",
      "{\"Service\": \"cloudtrail.amazonaws.com\"}",
      "{\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}"})
  void acceptsValidPrincipals(String principal) {
    clean(bucketPolicy(principal), PolicyType.RESOURCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bob", "12345678901", "arn:aws:s3:::amzn-s3-demo-bucket", ""})
  void refusesInvalidAwsPrincipals(String id) {
    String json = bucketPolicy("{\"AWS\": [\"111122223333\", \"" + id + "\"]}");
    assertFinding(onlyError(json, PolicyType.RESOURCE), "$.Statement.Principal.AWS[1]", json,
        "\"" + id + "\"]", "Invalid principal in policy");
  }

  @Test
  void conditionKeysAreNonEmptyAndAtMost128Characters() {
    clean(condition("{\"StringEquals\": {\"aws:PrincipalTag/" + "k".repeat(128 - 17) + "\": \"v\"}}"),
        PolicyType.IDENTITY);
    String longKey = "aws:PrincipalTag/" + "k".repeat(129 - 17);
    String json = condition("{\"StringEquals\": {\"" + longKey + "\": \"v\"}}");
    assertFinding(onlyError(json, PolicyType.IDENTITY), "$.Statement.Condition.StringEquals['" + longKey.substring(0, 128) + "...']", json,
        "\"aws:PrincipalTag/", "is 129 characters long; at most 128");
    String empty = condition("{\"StringEquals\": {\"\": \"v\"}}");
    assertFinding(onlyError(empty, PolicyType.IDENTITY), "$.Statement.Condition.StringEquals['']", empty,
        "\"\": \"v\"", "condition key under StringEquals is empty");
  }

  @Test
  void aVeryLongConditionKeyIsAFindingNotAnException() {
    String key = "aws:PrincipalTag/" + "k".repeat(60_000);
    ValidationReport report = PolicyValidator.validate(
        condition("{\"StringEquals\": {\"" + key + "\": \"v\"}}"), PolicyType.IDENTITY, Integer.MAX_VALUE);
    assertEquals(1, report.findings().size());
    Finding f = report.findings().get(0);
    assertTrue(f.message().contains("is 60017 characters long"), f.message());
    assertTrue(f.message().length() < 400, "the message quotes only a prefix of the key");
    assertEquals("$.Statement.Condition.StringEquals['" + key.substring(0, 128) + "...']", f.path());
  }

  @Test
  void anEmptyArrayOfConditionValuesIsAWarning() {
    String json = condition("{\"StringEquals\": {\"aws:SourceVpc\": []}}");
    assertFinding(onlyWarning(json, PolicyType.IDENTITY), "$.Statement.Condition.StringEquals.aws:SourceVpc",
        json, "\"aws:SourceVpc\"", "empty array of values");
  }
}
