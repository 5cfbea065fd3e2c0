package dev.lanyard.policy.validate;

import static dev.lanyard.policy.validate.ValidationAssertions.assertFinding;
import static dev.lanyard.policy.validate.ValidationAssertions.clean;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SCPs and RCPs, with examples from the AWS Organizations User Guide. */
class OrganizationPolicyRulesTest {

  @Test
  void acceptsTheScpExamples() {
    clean("""
        {"Version": "2012-10-17", "Statement": [{
          "Sid": "PreventLeavingOrganization", "Effect": "Deny",
          "Action": "organizations:LeaveOrganization", "Resource": "*"}]}
        """, PolicyType.SCP);
    clean("""
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Sid": "DenyAllOutsideEU",
            "Effect": "Deny",
            "NotAction": ["cloudfront:*", "iam:*", "route53:*", "support:*"],
            "Resource": "*",
            "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-central-1", "eu-west-1"]}}
          }]
        }
        """, PolicyType.SCP);
  }

  @Test
  void scpsAcceptTheFullLanguageInAllowStatementsSince2025() {
    clean("""
        {"Version": "2012-10-17", "Statement": [{
          "Effect": "Allow", "NotAction": "iam:*",
          "NotResource": "arn:aws:s3:::protected-bucket/*",
          "Condition": {"StringEquals": {"aws:PrincipalTag/team": "platform"}}}]}
        """, PolicyType.SCP);
  }

  @Test
  void scpsDoNotSupportPrincipal() {
    String json = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*",
          "Action": "*", "Resource": "*"}}
        """;
    assertFinding(onlyError(json, PolicyType.SCP), "$.Statement.Principal", json, "\"Principal\"",
        "SCPs apply to the accounts they are attached to");
  }

  @Test
  void scpsAndRcpsRequireVersion20121017() {
    String missing = "{\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}";
    Finding f = onlyError(missing, PolicyType.SCP);
    assertEquals("$.Version", f.path());
    assertTrue(f.message().contains("Missing required field Version in SCPs"), f.message());
    String old = "{\"Version\": \"2008-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Principal\": \"*\", "
        + "\"Action\": \"s3:*\", \"Resource\": \"*\"}}";
    assertTrue(onlyError(old, PolicyType.RCP).message().contains("Version \"2008-10-17\" is not accepted in RCPs"));
  }

  @Test
  void acceptsTheRcpExamples() {
    clean("""
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Sid": "EnforceSecureTransport",
            "Effect": "Deny",
            "Principal": "*",
            "Action": ["sts:*", "s3:*", "sqs:*", "secretsmanager:*", "kms:*"],
            "Resource": "*",
            "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}
          }]
        }
        """, PolicyType.RCP);
    clean("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}
        """, PolicyType.RCP);
  }

  @Test
  void rcpPrincipalMustBeTheWildcardString() {
    String json = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
          "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"}}
        """;
    assertFinding(onlyError(json, PolicyType.RCP), "$.Statement.Principal", json, "\"Principal\"",
        "RCPs accept only \"Principal\": \"*\"");
    String missing = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}";
    assertTrue(onlyError(missing, PolicyType.RCP).message().contains("Missing required field Principal"));
  }

  @Test
  void rcpsDoNotSupportNotPrincipalOrNotAction() {
    String notPrincipal = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
          "NotPrincipal": "*", "Action": "s3:*", "Resource": "*"}}
        """;
    assertFinding(onlyError(notPrincipal, PolicyType.RCP), "$.Statement.NotPrincipal", notPrincipal,
        "\"NotPrincipal\"", "NotPrincipal is not supported in RCPs");
    String notAction = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
          "Principal": "*", "NotAction": "s3:GetObject", "Resource": "*"}}
        """;
    assertFinding(onlyError(notAction, PolicyType.RCP), "$.Statement.NotAction", notAction,
        "\"NotAction\"", "NotAction is not supported in RCPs");
  }

  @Test
  void rcpsAllowOnlyTheFullAccessShape() {
    String json = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
          "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}}
        """;
    assertFinding(onlyError(json, PolicyType.RCP), "$.Statement", json, "{\"Effect\"",
        "only in the RCPFullAWSAccess shape");
  }
}
