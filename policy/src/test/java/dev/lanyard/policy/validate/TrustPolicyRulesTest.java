package dev.lanyard.policy.validate;

import static dev.lanyard.policy.validate.ValidationAssertions.assertFinding;
import static dev.lanyard.policy.validate.ValidationAssertions.clean;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyError;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyWarning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Role trust policies: a principal, STS actions only, no Resource. */
class TrustPolicyRulesTest {

  @Test
  void acceptsTheEc2ServiceRoleExample() {
    clean("""
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": "ec2.amazonaws.com"},
            "Action": "sts:AssumeRole"
          }]
        }
        """, PolicyType.TRUST);
  }

  @Test
  void acceptsTheGitHubOidcExample() {
    clean("""
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
              "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
              "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*"}
            }
          }]
        }
        """, PolicyType.TRUST);
  }

  @Test
  void acceptsSamlAndCrossAccountWithSessionTags() {
    clean("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow",
           "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/ExampleCorpProvider"},
           "Action": ["sts:AssumeRoleWithSAML", "sts:TagSession"],
           "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}},
          {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
           "Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:SetContext"]}]}
        """, PolicyType.TRUST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sts:*", "sts:Assume*", "STS:assumerole", "*", "sts:TagSess?on"})
  void acceptsWildcardsCoveringATrustAction(String action) {
    clean("{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, "
        + "\"Action\": \"" + action + "\"}}", PolicyType.TRUST);
  }

  @Test
  void refusesOtherActions() {
    String json = """
        {"Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"},
          "Action": ["sts:AssumeRole", "s3:GetObject"]}}
        """;
    assertFinding(onlyError(json, PolicyType.TRUST), "$.Statement.Action[1]", json, "\"s3:GetObject\"",
        "sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, "
            + "sts:SetSourceIdentity, sts:SetContext");
  }

  @Test
  void principalIsRequired() {
    String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}}";
    assertFinding(onlyError(json, PolicyType.TRUST), "$.Statement", json, "{\"Effect\"",
        "Missing required field Principal");
  }

  @Test
  void resourceIsProhibited() {
    String json = """
        {"Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
          "Action": "sts:AssumeRole", "Resource": "*"}}
        """;
    assertFinding(onlyError(json, PolicyType.TRUST), "$.Statement.Resource", json, "\"Resource\"",
        "Has prohibited field Resource");
  }

  @Test
  void notPrincipalIsNotSupported() {
    String json = """
        {"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"},
          "Action": "sts:AssumeRole"}}
        """;
    assertFinding(onlyError(json, PolicyType.TRUST), "$.Statement.NotPrincipal", json,
        "\"NotPrincipal\"", "NotPrincipal is not supported in a role trust policy");
  }

  @Test
  void notActionIsAWarning() {
    String json = """
        {"Statement": {"Effect": "Deny", "Principal": {"AWS": "111122223333"},
          "NotAction": "sts:AssumeRole"}}
        """;
    assertFinding(onlyWarning(json, PolicyType.TRUST), "$.Statement.NotAction", json, "\"NotAction\"",
        "matches every action except those listed");
  }
}
