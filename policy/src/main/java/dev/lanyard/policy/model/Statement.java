package dev.lanyard.policy.model;

import java.util.List;
import java.util.Objects;

/**
 * One statement. {@code index} is its 0-based place in the document's statement list; {@code sid}
 * is null when absent. {@code principal}, {@code action} and {@code resource} are null when the
 * statement has no such element (the validator decides whether that is allowed for the policy
 * type). {@code conditions} is empty when there is no {@code Condition}.
 */
public record Statement(
    int index,
    String sid,
    Effect effect,
    PrincipalClause principal,
    ValueClause action,
    ValueClause resource,
    List<ConditionClause> conditions,
    SourcePosition position) {
  public Statement {
    Objects.requireNonNull(effect, "effect");
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(position, "position");
  }
}
