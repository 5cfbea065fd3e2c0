package dev.lanyard.bench.policy;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.compile.PolicyCompiler;
import dev.lanyard.policy.validate.Finding;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.policy.validate.PolicyValidator;
import dev.lanyard.policy.validate.Severity;
import dev.lanyard.policy.validate.ValidationReport;
import java.util.stream.Collectors;

/**
 * Validates a policy document as a given type, then compiles it. A document with an error is
 * refused, so that no benchmark measures a policy AWS would reject.
 */
final class CheckedCompiler {

  private CheckedCompiler() {}

  /**
   * Validates {@code json} as {@code type} within {@code sizeLimit} characters and compiles it.
   *
   * @param label how decisions name the policy
   * @throws IllegalStateException listing the errors when the document is not valid
   */
  static CompiledPolicy compile(String json, PolicyType type, int sizeLimit, String label) {
    ValidationReport report = PolicyValidator.validate(json, type, sizeLimit);
    if (!report.valid()) {
      String errors = report.findings().stream()
          .filter(f -> f.severity() == Severity.ERROR)
          .map(Finding::toString)
          .collect(Collectors.joining("; "));
      throw new IllegalStateException(label + " is not a valid " + type.cliName() + " policy: " + errors);
    }
    return PolicyCompiler.compile(report.document(), label);
  }
}
