package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.SourcePosition;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in a policy document. {@code code} is the AWS error code of its kind
 * ({@value #MALFORMED_POLICY_DOCUMENT} or {@value #LIMIT_EXCEEDED}; warnings carry the code AWS
 * uses for that kind of document problem). {@code path} is a JSON path such as
 * {@code $.Statement[1].Condition}; line and column are 1-based, 0 when unknown.
 */
public record Finding(
    String code, Severity severity, String path, int line, int column, String message) {
  /** AWS's error code for a document that breaks the policy grammar or a policy-type rule. */
  public static final String MALFORMED_POLICY_DOCUMENT = "MalformedPolicyDocument";
  /** AWS's error code for a document over its size limit. */
  public static final String LIMIT_EXCEEDED = "LimitExceeded";

  /** Orders findings by line, then column. */
  public static final Comparator<Finding> BY_POSITION =
      Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column);

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** A {@value #MALFORMED_POLICY_DOCUMENT} error at {@code at}. */
  public static Finding error(SourcePosition at, String message) {
    return new Finding(MALFORMED_POLICY_DOCUMENT, Severity.ERROR, at.path(), at.line(), at.column(),
        message);
  }

  /** A warning at {@code at}. */
  public static Finding warning(SourcePosition at, String message) {
    return new Finding(MALFORMED_POLICY_DOCUMENT, Severity.WARNING, at.path(), at.line(),
        at.column(), message);
  }

  @Override
  public String toString() {
    return severity + " " + code + " at " + path + " (line " + line + ", column " + column + "): "
        + message;
  }
}
