package dev.lanyard.policy.validate;

import static dev.lanyard.policy.validate.ValidationAssertions.assertFinding;
import static dev.lanyard.policy.validate.ValidationAssertions.clean;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyWarning;

import org.junit.jupiter.api.Test;

/** Policy variables where AWS does not substitute them are warnings, never errors. */
class VariableWarningsTest {

  @Test
  void variablesInActionsAreLiteral() {
    String json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
        + "\"Action\": \"s3:${aws:username}\", \"Resource\": \"*\"}}";
    assertFinding(onlyWarning(json, PolicyType.IDENTITY), "$.Statement.Action", json, "\"s3:${",
        "AWS does not substitute variables in Action");
  }

  @Test
  void variablesInPrincipalsAreLiteral() {
    String json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
        + "\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:user/${aws:username}\"}, "
        + "\"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\"}}";
    assertFinding(onlyWarning(json, PolicyType.RESOURCE), "$.Statement.Principal.AWS", json,
        "\"arn:aws:iam::123456789012:user/${", "does not substitute variables in Principal");
  }

  @Test
  void variablesInResourcesAreLiteralUnder2008() {
    String json = "{\"Version\": \"2008-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
        + "\"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/home/${aws:username}/*\"}}";
    assertFinding(onlyWarning(json, PolicyType.IDENTITY), "$.Statement.Resource", json, "\"arn:",
        "literal text under Version 2008-10-17");
    clean(json.replace("2008-10-17", "2012-10-17"), PolicyType.IDENTITY);
  }

  @Test
  void variablesInConditionValuesAreLiteralWithoutVersion() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\", "
        + "\"Condition\": {\"StringLike\": {\"s3:prefix\": \"home/${aws:username}/\"}}}}";
    assertFinding(onlyWarning(json, PolicyType.IDENTITY), "$.Statement.Condition.StringLike.s3:prefix",
        json, "\"s3:prefix\"", "when Version is missing");
  }

  @Test
  void variablesAreLiteralInNumericOperators() {
    String json = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", "
        + "\"Resource\": \"*\", \"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": \"${aws:PrincipalTag/max}\"}}}}";
    assertFinding(onlyWarning(json, PolicyType.IDENTITY), "$.Statement.Condition.NumericLessThan.s3:max-keys",
        json, "\"s3:max-keys\"", "only string and ARN operators substitute variables");
  }
}
