package dev.lanyard.policy.model;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code Action}/{@code NotAction} or {@code Resource}/{@code NotResource}: a list of patterns,
 * negated for the {@code Not} form. Values are kept as written (actions are matched
 * case-insensitively later; resources case-sensitively). {@code valuePositions} holds one position
 * per value (the value's own place in the source), so that a finding can point at it.
 */
public record ValueClause(
    boolean negated, List<String> values, SourcePosition position, List<SourcePosition> valuePositions) {
  public ValueClause {
    values = List.copyOf(values);
    Objects.requireNonNull(position, "position");
    valuePositions = List.copyOf(valuePositions);
    if (valuePositions.size() != values.size()) {
      throw new IllegalArgumentException("valuePositions has " + valuePositions.size()
          + " entries for " + values.size() + " values; expected one position per value");
    }
  }

  /** A clause whose values all share the clause's position (e.g. built in code, not parsed). */
  public ValueClause(boolean negated, List<String> values, SourcePosition position) {
    this(negated, values, position, Collections.nCopies(values.size(), position));
  }

  /** The source position of value {@code index}. */
  public SourcePosition positionOf(int index) {
    return valuePositions.get(index);
  }
}
