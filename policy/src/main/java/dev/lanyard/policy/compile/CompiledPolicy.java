package dev.lanyard.policy.compile;

import dev.lanyard.policy.match.PrincipalGrant;
import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.PolicyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A policy compiled for evaluation. Immutable and thread-safe; share one instance between
 * threads and principals. Matching allocates nothing (typed request values are parsed once per
 * request context and cached there).
 */
public final class CompiledPolicy {

  private final String label;
  private final PolicyVersion version;
  private final List<CompiledStatement> statements;
  private final ActionIndex allows;
  private final ActionIndex denies;

  CompiledPolicy(String label, PolicyVersion version, List<CompiledStatement> statements) {
    this.label = Objects.requireNonNull(label, "label");
    this.version = version;
    this.statements = List.copyOf(statements);
    this.allows = ActionIndex.build(this.statements.stream().filter(s -> s.effect() == Effect.ALLOW).toList());
    this.denies = ActionIndex.build(this.statements.stream().filter(s -> s.effect() == Effect.DENY).toList());
  }

  /** The label given at compile time, e.g. {@code identityPolicies[0]} or a policy ARN. */
  public String label() {
    return label;
  }

  /** The document's language version. */
  public PolicyVersion version() {
    return version;
  }

  /** The statements in document order. */
  public List<CompiledStatement> statements() {
    return statements;
  }

  /**
   * The first statement with {@code effect} that applies to the request, or null.
   *
   * @param principalHasBoundary see {@link CompiledStatement#applies}
   */
  public CompiledStatement firstMatch(Effect effect, PolicyRequest request, boolean principalHasBoundary) {
    return nextMatch(effect, request, principalHasBoundary, null);
  }

  /**
   * The first statement with {@code effect} after {@code after} (null: from the start) that
   * applies to the request, or null. Lets a caller walk all matches without allocating.
   */
  public CompiledStatement nextMatch(
      Effect effect, PolicyRequest request, boolean principalHasBoundary, CompiledStatement after) {
    String action = request.action();
    int colon = action.indexOf(':');
    ActionIndex.Candidates c = (effect == Effect.ALLOW ? allows : denies).candidates(action, colon);
    CompiledStatement[] candidates = c.statements;
    int skipThrough = after == null ? -1 : after.ordinal();
    for (int i = 0; i < candidates.length; i++) {
      CompiledStatement s = candidates[i];
      if (s.ordinal() > skipThrough
          && c.checks[i].test(action, colon)
          && s.appliesApartFromAction(request, principalHasBoundary)) {
        return s;
      }
    }
    return null;
  }

  /**
   * The {@code Allow} statement that applies and names the principal most directly (the first
   * among equals), or null when no {@code Allow} applies. Used for resource-based policies.
   */
  public CompiledStatement strongestAllow(PolicyRequest request, boolean principalHasBoundary) {
    String action = request.action();
    int colon = action.indexOf(':');
    ActionIndex.Candidates c = allows.candidates(action, colon);
    CompiledStatement[] candidates = c.statements;
    CompiledStatement best = null;
    PrincipalGrant bestGrant = null;
    for (int i = 0; i < candidates.length; i++) {
      CompiledStatement s = candidates[i];
      if (c.checks[i].test(action, colon) && s.appliesApartFromAction(request, principalHasBoundary)) {
        PrincipalGrant grant = s.principalGrant(request.principal());
        if (best == null || grant.compareTo(bestGrant) > 0) {
          best = s;
          bestGrant = grant;
          if (grant == PrincipalGrant.DIRECT) {
            break;
          }
        }
      }
    }
    return best;
  }

  /** Every statement with {@code effect} that applies, in document order. */
  public List<CompiledStatement> allMatches(Effect effect, PolicyRequest request, boolean principalHasBoundary) {
    List<CompiledStatement> out = new ArrayList<>(2);
    for (CompiledStatement s : statements) {
      if (s.effect() == effect && s.applies(request, principalHasBoundary)) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "CompiledPolicy[" + label + ", " + statements.size() + " statements]";
  }
}
