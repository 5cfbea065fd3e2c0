package dev.lanyard.policy.validate;

import static dev.lanyard.policy.validate.ValidationAssertions.assertFinding;
import static dev.lanyard.policy.validate.ValidationAssertions.clean;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyError;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyWarning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sid rules: unique; ASCII letters and digits only in IAM and Organizations documents. */
class SidRulesTest {
  private static String twoStatements(String firstSid, String secondSid) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
        + " {\"Sid\": \"" + firstSid + "\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},\n"
        + " {\"Sid\": \"" + secondSid + "\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}]}";
  }

  private static String identityWithSid(String sid) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [\n"
        + " {\"Sid\": \"" + sid + "\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}";
  }

  @Test
  void duplicateSidsAreErrorsInIamPolicies() {
    String json = twoStatements("Same", "Same").replace("\"Principal\": \"*\", ", "");
    assertFinding(onlyError(json, PolicyType.IDENTITY), "$.Statement[1].Sid", json, "{\"Sid\": \"Same\", \"Effect\": \"Deny\"",
        "must be unique: \"Same\" is also the Sid of statement 0");
  }

  @Test
  void duplicateSidsAreWarningsInResourcePolicies() {
    String json = twoStatements("Same", "Same");
    assertFinding(onlyWarning(json, PolicyType.RESOURCE), "$.Statement[1].Sid", json,
        "{\"Sid\": \"Same\", \"Effect\": \"Deny\"", "must be unique");
  }

  @Test
  void emptySidsMayRepeat() {
    clean(twoStatements("", ""), PolicyType.RESOURCE);
  }

  @ParameterizedTest
  @EnumSource(value = PolicyType.class, names = {"IDENTITY", "BOUNDARY", "SESSION"})
  void iamSidsAreAlphanumeric(PolicyType type) {
    clean(identityWithSid("AllowReadAccess2024"), type);
    String json = identityWithSid("Allow read-access");
    assertFinding(onlyError(json, type), "$.Statement[0].Sid", json, "{\"Sid\"",
        "Statement IDs (SID) must be alpha-numeric");
  }

  @Test
  void trustScpAndRcpSidsAreAlphanumeric() {
    String trust = "{\"Statement\": {\"Sid\": \"ec2_trust\", \"Effect\": \"Allow\", "
        + "\"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}}";
    assertFinding(onlyError(trust, PolicyType.TRUST), "$.Statement.Sid", trust, "{\"Sid\"", "[0-9A-Za-z]*");
    String scp = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"deny.all\", \"Effect\": \"Deny\", "
        + "\"Action\": \"*\", \"Resource\": \"*\"}}";
    assertFinding(onlyError(scp, PolicyType.SCP), "$.Statement.Sid", scp, "{\"Sid\"", "alpha-numeric");
    String rcp = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"Deny TLS\", \"Effect\": \"Deny\", "
        + "\"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}";
    assertFinding(onlyError(rcp, PolicyType.RCP), "$.Statement.Sid", rcp, "{\"Sid\"", "alpha-numeric");
  }
}
