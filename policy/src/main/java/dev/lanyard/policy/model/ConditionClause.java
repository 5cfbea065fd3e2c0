package dev.lanyard.policy.model;

import java.util.List;
import java.util.Objects;

/**
 * One (operator, key, values) triple of a {@code Condition} block, e.g.
 * {@code "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*"]}}. {@code operatorText} is
 * the full spelling as written; {@code key} is as written (keys compare case-insensitively).
 * Values are strings: JSON numbers and booleans are kept as their text.
 */
public record ConditionClause(
    String operatorText,
    SetQualifier qualifier,
    ConditionOperator operator,
    boolean ifExists,
    String key,
    List<String> values,
    SourcePosition position) {
  public ConditionClause {
    Objects.requireNonNull(operatorText, "operatorText");
    Objects.requireNonNull(qualifier, "qualifier");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
    Objects.requireNonNull(position, "position");
  }
}
