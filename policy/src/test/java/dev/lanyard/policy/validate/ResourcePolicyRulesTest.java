package dev.lanyard.policy.validate;

import static dev.lanyard.policy.validate.ValidationAssertions.assertFinding;
import static dev.lanyard.policy.validate.ValidationAssertions.clean;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyError;
import static dev.lanyard.policy.validate.ValidationAssertions.onlyWarning;

import org.junit.jupiter.api.Test;

/** Resource-based policies: a principal is required; Sids follow the service's rules. */
class ResourcePolicyRulesTest {

  @Test
  void acceptsTheS3PublicReadExampleWithASidContainingSpaces() {
    String json = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Public read - objects",
              "Effect": "Allow",
              "Principal": "*",
              "Action": ["s3:GetObject", "s3:GetObjectVersion"],
              "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket/*"]
            }
          ]
        }
        """;
    clean(json, PolicyType.RESOURCE);
  }

  @Test
  void acceptsTheNotPrincipalDenyExample() {
    String json = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Deny",
            "NotPrincipal": {"AWS": [
              "arn:aws:iam::444455556666:user/Bob",
              "arn:aws:iam::444455556666:root"
            ]},
            "Action": "s3:*",
            "Resource": ["arn:aws:s3:::BUCKETNAME", "arn:aws:s3:::BUCKETNAME/*"]
          }]
        }
        """;
    clean(json, PolicyType.RESOURCE);
  }

  @Test
  void principalIsRequired() {
    String json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
        """;
    assertFinding(onlyError(json, PolicyType.RESOURCE), "$.Statement[0]", json, "{\"Effect\"",
        "Missing required field Principal");
  }

  @Test
  void notPrincipalOnlyWithDeny() {
    String json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "NotPrincipal": {"AWS": "123456789012"},
           "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
        """;
    assertFinding(onlyError(json, PolicyType.RESOURCE), "$.Statement[0].NotPrincipal", json,
        "\"NotPrincipal\"", "NotPrincipal must be used with \"Effect\": \"Deny\"");
  }

  @Test
  void aMissingResourceIsAWarningBecauseSomeServicesImplyIt() {
    String ecrRepositoryPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Sid": "AllowPull",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::account-id:root"},
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
          }]
        }
        """.replace("account-id", "111122223333");
    assertFinding(onlyWarning(ecrRepositoryPolicy, PolicyType.RESOURCE), "$.Statement[0]",
        ecrRepositoryPolicy, "{\n    \"Sid\"", "ECR repository policies");
  }

  @Test
  void actionIsRequired() {
    String json = """
        {"Statement": [{"Effect": "Allow", "Principal": "*", "Resource": "arn:aws:sqs:us-east-2:444455556666:queue1"}]}
        """;
    assertFinding(onlyError(json, PolicyType.RESOURCE), "$.Statement[0]", json, "{\"Effect\"",
        "must contain actions");
  }
}
