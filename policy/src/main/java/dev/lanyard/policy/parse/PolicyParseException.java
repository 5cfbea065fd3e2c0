package dev.lanyard.policy.parse;

import dev.lanyard.policy.validate.Finding;
import java.util.Objects;

/**
 * A policy document that could not be read. {@link #finding()} holds the first error found, with
 * its JSON path, line and column. The message never echoes the document.
 */
public final class PolicyParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Finding finding;

  PolicyParseException(Finding finding) {
    super(Objects.requireNonNull(finding, "finding").message()
        + " at " + finding.path() + " (line " + finding.line() + ", column " + finding.column() + ")");
    this.finding = finding;
  }

  /** The first error found. */
  public Finding finding() {
    return finding;
  }
}
