package dev.lanyard.policy.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Principal} or {@code NotPrincipal}. {@code "Principal": "*"} is {@code wildcard = true}
 * with no ids; {@code {"AWS": "*"}} is an {@code AWS} entry holding {@code "*"}. A bare 12-digit
 * account id under {@code AWS} is kept as written; matching treats it as that account's root.
 */
public record PrincipalClause(
    boolean negated,
    boolean wildcard,
    Map<PrincipalKind, List<String>> ids,
    SourcePosition position) {
  public PrincipalClause {
    EnumMap<PrincipalKind, List<String>> copy = new EnumMap<>(PrincipalKind.class);
    ids.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    ids = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(position, "position");
  }

  /** The ids listed under one kind, empty when none. */
  public List<String> idsOf(PrincipalKind kind) {
    return ids.getOrDefault(kind, List.of());
  }
}
