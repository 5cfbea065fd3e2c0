package dev.lanyard.sts.iam;

import dev.lanyard.policy.validate.Finding;
import dev.lanyard.policy.validate.PolicySizes;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.policy.validate.PolicyValidator;
import dev.lanyard.policy.validate.Severity;
import dev.lanyard.policy.validate.ValidationReport;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamInput;

/**
 * Validates a supplied policy document with the policy module as AWS would for its use: managed
 * (identity, 6,144), inline (identity, the owner's remaining aggregate quota), trust (2,048). The
 * first error becomes {@code MalformedPolicyDocument} (or {@code LimitExceeded} for size) with its
 * message and JSON path.
 */
final class PolicyDocuments {
  private PolicyDocuments() {}

  static String managed(String field, String json) {
    return check(field, json, PolicyType.IDENTITY, PolicySizes.MANAGED);
  }

  static String trust(String field, String json) {
    return check(field, json, PolicyType.TRUST, PolicySizes.TRUST);
  }

  /**
   * An inline policy whose owner's other inline policies already use {@code usedByOthers} of the
   * aggregate {@code aggregateLimit}.
   */
  static String inline(String field, String json, int aggregateLimit, int usedByOthers) {
    int remaining = aggregateLimit - usedByOthers;
    if (remaining <= 0) {
      throw new LanyardException(AwsErrorCode.LimitExceeded, field + ": the owner's other inline policies already use "
          + usedByOthers + " of the " + aggregateLimit + " characters allowed in aggregate; delete one first", false);
    }
    return check(field, json, PolicyType.IDENTITY, remaining);
  }

  /** The size AWS counts for quotas (whitespace outside strings not counted). */
  static int size(String json) {
    return PolicySizes.sizeWithoutWhitespace(json);
  }

  private static String check(String field, String json, PolicyType type, int limit) {
    IamValidation.required(field, json, "a JSON policy document");
    IamInput.document(field, json);
    ValidationReport report = PolicyValidator.validate(json, type, limit);
    if (report.valid()) {
      return json;
    }
    Finding first = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst()
        .orElseThrow();
    AwsErrorCode code = Finding.LIMIT_EXCEEDED.equals(first.code()) ? AwsErrorCode.LimitExceeded
        : AwsErrorCode.MalformedPolicyDocument;
    throw new LanyardException(code, field + ": " + first.message() + " (at " + first.path() + ")", false);
  }
}
