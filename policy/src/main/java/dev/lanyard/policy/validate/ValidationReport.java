package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one document as one policy type: findings sorted by line and column,
 * and the parsed document (null when it did not parse).
 */
public record ValidationReport(PolicyType type, List<Finding> findings, PolicyDocument document) {
  public ValidationReport {
    Objects.requireNonNull(type, "type");
    findings = List.copyOf(findings);
  }

  /** Whether no finding is an {@link Severity#ERROR}. */
  public boolean valid() {
    return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
  }
}
