package dev.lanyard.policy.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.parse.TextLocation;
import java.util.List;
import java.util.stream.Collectors;

/** Assertions shared by the validator tests. */
final class ValidationAssertions {
  private ValidationAssertions() {}

  /** Validates {@code json} as {@code type} and requires no finding at all. */
  static ValidationReport clean(String json, PolicyType type) {
    ValidationReport report = PolicyValidator.validate(json, type);
    assertEquals(List.of(), report.findings(), "findings for a valid " + type + " policy");
    assertTrue(report.valid());
    return report;
  }

  /** The only finding of {@code severity} when validating {@code json} as {@code type}. */
  static Finding only(String json, PolicyType type, Severity severity) {
    ValidationReport report = PolicyValidator.validate(json, type);
    List<Finding> matching = report.findings().stream()
        .filter(f -> f.severity() == severity).collect(Collectors.toList());
    assertEquals(1, matching.size(), () -> "expected one " + severity + " in " + report.findings());
    if (severity == Severity.ERROR) {
      assertFalse(report.valid(), "a report with an error is not valid");
    }
    return matching.get(0);
  }

  /** The only error of validating {@code json} as {@code type}. */
  static Finding onlyError(String json, PolicyType type) {
    return only(json, type, Severity.ERROR);
  }

  /** The only warning of validating {@code json} as {@code type}; the document stays valid. */
  static Finding onlyWarning(String json, PolicyType type) {
    Finding f = only(json, type, Severity.WARNING);
    assertTrue(PolicyValidator.validate(json, type).valid(), "a warning alone keeps the policy valid");
    return f;
  }

  /** {@code f} has {@code path}, points where {@code marker} starts and says {@code says}. */
  static void assertFinding(Finding f, String path, String json, String marker, String says) {
    TextLocation at = TextLocation.of(json, marker);
    assertEquals(path, f.path(), () -> "path of " + f);
    assertEquals(at.line(), f.line(), () -> "line of " + f);
    assertEquals(at.column(), f.column(), () -> "column of " + f);
    assertTrue(f.message().contains(says), () -> "message of " + f + " should contain: " + says);
  }
}
