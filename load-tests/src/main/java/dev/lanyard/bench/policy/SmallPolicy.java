package dev.lanyard.bench.policy;

import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicyKind;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.validate.PolicySizes;
import dev.lanyard.policy.validate.PolicyType;
import java.util.List;

/**
 * An IAM user, {@code bob}, with one three-statement identity policy over an application bucket,
 * and three requests he makes: a read (allowed by {@code ReadAppData}), a delete (denied by
 * {@code NoDeletes}) and a write outside the uploads prefix (implicitly denied).
 */
public final class SmallPolicy {

  static final String POLICY = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "ReadAppData",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": ["arn:aws:s3:::app-data", "arn:aws:s3:::app-data/*"]
          },
          {
            "Sid": "WriteUploads",
            "Effect": "Allow",
            "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::app-data/uploads/*"
          },
          {
            "Sid": "NoDeletes",
            "Effect": "Deny",
            "Action": "s3:Delete*",
            "Resource": "*"
          }
        ]
      }
      """;

  private final PolicySet policies;
  private final RequestPrincipal bob;
  private final RequestContext context;

  /** Validates and compiles the policy. */
  public SmallPolicy() {
    this.policies = PolicySet.builder()
        .identityPolicies(List.of(CheckedCompiler.compile(POLICY, PolicyType.IDENTITY, PolicySizes.INLINE_USER, "app-data")))
        .build();
    this.bob = RequestPrincipal.fromArn("arn:aws:iam::444455556666:user/bob", null);
    this.context = RequestContext.builder().put("aws:SourceIp", "192.0.2.10").principalKeys(bob).build();
  }

  /** The compiled policy set. */
  public PolicySet policies() {
    return policies;
  }

  /** The request whose decision has {@code outcome}, with the path it must take. */
  public ExpectedDecision request(Outcome outcome) {
    return switch (outcome) {
      case ALLOW -> ExpectedDecision.decidedBy(
          request("s3:GetObject", "arn:aws:s3:::app-data/reports/2025/q2.csv"), Outcome.ALLOW, "ReadAppData");
      case EXPLICIT_DENY -> ExpectedDecision.decidedBy(
          request("s3:DeleteObject", "arn:aws:s3:::app-data/reports/2025/q2.csv"), Outcome.EXPLICIT_DENY, "NoDeletes");
      case IMPLICIT_DENY -> ExpectedDecision.implicitDeny(
          request("s3:PutObject", "arn:aws:s3:::app-data/reports/2025/q2.csv"), PolicyKind.IDENTITY_POLICY);
    };
  }

  private AuthorizationRequest request(String action, String resource) {
    return AuthorizationRequest.of(bob, action, resource, context);
  }
}
