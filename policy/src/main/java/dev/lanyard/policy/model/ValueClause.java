package dev.lanyard.policy.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code Action}/{@code NotAction} or {@code Resource}/{@code NotResource}: a list of patterns,
 * negated for the {@code Not} form. Values are kept as written (actions are matched
 * case-insensitively later; resources case-sensitively).
 */
public record ValueClause(boolean negated, List<String> values, SourcePosition position) {
  public ValueClause {
    values = List.copyOf(values);
    Objects.requireNonNull(position, "position");
  }
}
