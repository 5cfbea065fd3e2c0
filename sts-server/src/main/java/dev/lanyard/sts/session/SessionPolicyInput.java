package dev.lanyard.sts.session;

import dev.lanyard.policy.arn.Arn;
import dev.lanyard.policy.validate.Finding;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.policy.validate.PolicyValidator;
import dev.lanyard.policy.validate.Severity;
import dev.lanyard.policy.validate.ValidationReport;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.token.SessionPolicy;
import java.util.List;

/**
 * The session policy a caller passes to AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML
 * or GetFederationToken: an inline {@code Policy} (at most 2,048 characters, validated as a session
 * policy) and up to 10 managed {@code PolicyArns}, each of which must exist.
 *
 * @param policy the inline JSON document, or null
 * @param policyArns managed policy ARNs, in request order
 */
public record SessionPolicyInput(String policy, List<String> policyArns) {
  /** AWS's limit on the inline policy's length. */
  public static final int MAX_POLICY_CHARS = 2048;
  /** AWS's limit on the number of managed session policies. */
  public static final int MAX_POLICY_ARNS = 10;

  public SessionPolicyInput {
    policy = policy == null || policy.isEmpty() ? null : policy;
    policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
  }

  /** No session policy. */
  public static SessionPolicyInput none() {
    return new SessionPolicyInput(null, List.of());
  }

  /** Whether neither an inline policy nor an ARN was given. */
  public boolean isEmpty() {
    return policy == null && policyArns.isEmpty();
  }

  /**
   * Validates the input and returns the session policy to embed in the token.
   *
   * @throws LanyardException {@code ValidationError} for lengths and counts,
   *     {@code MalformedPolicyDocument} for a document that is not a valid session policy or an ARN
   *     that names no managed policy
   */
  public SessionPolicy resolve(PolicyLibrary library) {
    if (isEmpty()) {
      return SessionPolicy.NONE;
    }
    if (policy != null) {
      validateDocument();
    }
    if (policyArns.size() > MAX_POLICY_ARNS) {
      throw ParameterChecks.invalid("policyArns", policyArns.size() + " ARNs",
          "Member must have length less than or equal to " + MAX_POLICY_ARNS);
    }
    for (int i = 0; i < policyArns.size(); i++) {
      String arn = policyArns.get(i);
      String field = "policyArns." + (i + 1) + ".member.arn";
      ParameterChecks.require(field, arn, 20, 2048, null);
      if (!isPolicyArn(arn)) {
        throw ParameterChecks.invalid(field, arn,
            "Member must be a managed policy ARN, arn:<partition>:iam::<account or aws>:policy/<path><name>");
      }
      try {
        library.managed(arn);
      } catch (LanyardException e) {
        if (e.code() != AwsErrorCode.NoSuchEntity) {
          throw e;
        }
        throw new LanyardException(AwsErrorCode.MalformedPolicyDocument,
            "PolicyArns: the policy " + arn + " does not exist or is not attachable");
      }
    }
    try {
      return SessionPolicy.of(policy, policyArns);
    } catch (IllegalArgumentException e) {
      throw new LanyardException(AwsErrorCode.MalformedPolicyDocument, e.getMessage());
    }
  }

  private void validateDocument() {
    if (policy.length() > MAX_POLICY_CHARS) {
      throw ParameterChecks.invalid("policy", policy,
          "Member must have length less than or equal to " + MAX_POLICY_CHARS + " (it has "
              + policy.length() + ")");
    }
    ValidationReport report = PolicyValidator.validate(policy, PolicyType.SESSION);
    for (Finding f : report.findings()) {
      if (f.severity() == Severity.ERROR) {
        throw new LanyardException(AwsErrorCode.MalformedPolicyDocument,
            "Policy: " + f.message() + " at " + f.path() + " (line " + f.line() + ", column "
                + f.column() + "); give a valid session policy document");
      }
    }
  }

  private static boolean isPolicyArn(String arn) {
    try {
      Arn parsed = Arn.parse(arn);
      return parsed.service().equals("iam") && parsed.resource().startsWith("policy/");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
