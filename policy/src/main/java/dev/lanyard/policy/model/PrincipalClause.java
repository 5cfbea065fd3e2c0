package dev.lanyard.policy.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Principal} or {@code NotPrincipal}. {@code "Principal": "*"} is {@code wildcard = true}
 * with no ids; {@code {"AWS": "*"}} is an {@code AWS} entry holding {@code "*"}. A bare 12-digit
 * account id under {@code AWS} is kept as written; matching treats it as that account's root.
 * {@code idPositions} holds, per kind, one source position per id.
 */
public record PrincipalClause(
    boolean negated,
    boolean wildcard,
    Map<PrincipalKind, List<String>> ids,
    SourcePosition position,
    Map<PrincipalKind, List<SourcePosition>> idPositions) {
  public PrincipalClause {
    EnumMap<PrincipalKind, List<String>> copy = new EnumMap<>(PrincipalKind.class);
    ids.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    ids = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(position, "position");
    EnumMap<PrincipalKind, List<SourcePosition>> positions = new EnumMap<>(PrincipalKind.class);
    idPositions.forEach((k, v) -> positions.put(k, List.copyOf(v)));
    for (Map.Entry<PrincipalKind, List<String>> e : copy.entrySet()) {
      List<SourcePosition> p = positions.get(e.getKey());
      if (p == null || p.size() != e.getValue().size()) {
        throw new IllegalArgumentException("idPositions for " + e.getKey().text()
            + " must hold one position per id (" + e.getValue().size() + ")");
      }
    }
    positions.keySet().retainAll(copy.keySet());
    idPositions = Collections.unmodifiableMap(positions);
  }

  /** A clause whose ids all share the clause's position (e.g. built in code, not parsed). */
  public PrincipalClause(
      boolean negated, boolean wildcard, Map<PrincipalKind, List<String>> ids, SourcePosition position) {
    this(negated, wildcard, ids, position, samePosition(ids, position));
  }

  /** The ids listed under one kind, empty when none. */
  public List<String> idsOf(PrincipalKind kind) {
    return ids.getOrDefault(kind, List.of());
  }

  /** The source position of id {@code index} under {@code kind}. */
  public SourcePosition positionOf(PrincipalKind kind, int index) {
    return idPositions.get(kind).get(index);
  }

  private static Map<PrincipalKind, List<SourcePosition>> samePosition(
      Map<PrincipalKind, List<String>> ids, SourcePosition position) {
    EnumMap<PrincipalKind, List<SourcePosition>> positions = new EnumMap<>(PrincipalKind.class);
    ids.forEach((k, v) -> positions.put(k, Collections.nCopies(v.size(), position)));
    return positions;
  }
}
