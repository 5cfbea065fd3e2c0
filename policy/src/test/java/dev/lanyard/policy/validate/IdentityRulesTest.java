package dev.lanyard.policy.validate;

import static dev.lanyard.policy.validate.ValidationAssertions.assertFinding;
import static dev.lanyard.policy.validate.ValidationAssertions.clean;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyError;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Identity, permissions boundary and session policies share the identity element rules. */
class IdentityRulesTest {
  /** IAM User Guide: allow listing a bucket and reading its objects, with a prefix condition. */
  private static final String AWS_EXAMPLE = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "AllowListingOfUserFolder",
            "Effect": "Allow",
            "Action": ["s3:ListBucket"],
            "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket"],
            "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*"]}}
          },
          {
            "Sid": "AllowAllS3ActionsInUserFolder",
            "Effect": "Allow",
            "Action": ["s3:*"],
            "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"]
          }
        ]
      }
      """;

  @ParameterizedTest
  @EnumSource(value = PolicyType.class, names = {"IDENTITY", "BOUNDARY", "SESSION"})
  void acceptsTheAwsExample(PolicyType type) {
    clean(AWS_EXAMPLE, type);
  }

  @ParameterizedTest
  @EnumSource(value = PolicyType.class, names = {"IDENTITY", "BOUNDARY", "SESSION"})
  void principalIsProhibited(PolicyType type) {
    String json = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
          "Action": "s3:GetObject", "Resource": "*"}}
        """;
    assertFinding(onlyError(json, type), "$.Statement.Principal", json, "\"Principal\"",
        "Has prohibited field Principal");
  }

  @ParameterizedTest
  @EnumSource(value = PolicyType.class, names = {"IDENTITY", "BOUNDARY", "SESSION"})
  void notPrincipalIsProhibited(PolicyType type) {
    String json = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Deny",
          "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"},
          "Action": "s3:GetObject", "Resource": "*"}}
        """;
    assertFinding(onlyError(json, type), "$.Statement.NotPrincipal", json, "\"NotPrincipal\"",
        "Has prohibited field NotPrincipal");
  }

  @ParameterizedTest
  @EnumSource(value = PolicyType.class, names = {"IDENTITY", "BOUNDARY", "SESSION"})
  void actionIsRequired(PolicyType type) {
    String json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
          {"Effect": "Allow", "Resource": "*"}]}
        """;
    assertFinding(onlyError(json, type), "$.Statement[1]", json, "{\"Effect\": \"Allow\", \"Resource\"",
        "Policy statement must contain actions");
  }

  @ParameterizedTest
  @EnumSource(value = PolicyType.class, names = {"IDENTITY", "BOUNDARY", "SESSION"})
  void resourceIsRequired(PolicyType type) {
    String json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "NotAction": "iam:*"}]}
        """;
    assertFinding(onlyError(json, type), "$.Statement[0]", json, "{\"Effect\"",
        "Policy statement must contain resources");
  }
}
