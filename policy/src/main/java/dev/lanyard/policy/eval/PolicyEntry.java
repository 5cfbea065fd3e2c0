package dev.lanyard.policy.eval;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.compile.CompiledStatement;
import java.util.List;

/**
 * A compiled policy in its place in a {@link PolicySet}, with the decisions its statements can
 * produce on their own built ahead of time, so that common decisions allocate nothing.
 */
final class PolicyEntry {

  final CompiledPolicy policy;
  final PolicyKind kind;
  private final DecidingStatement[] deciding;
  private final Decision[] allowedBy;
  private final Decision[] deniedBy;

  PolicyEntry(CompiledPolicy policy, PolicyKind kind) {
    this.policy = policy;
    this.kind = kind;
    List<CompiledStatement> statements = policy.statements();
    int n = statements.size();
    this.deciding = new DecidingStatement[n];
    this.allowedBy = new Decision[n];
    this.deniedBy = new Decision[n];
    for (CompiledStatement s : statements) {
      int i = s.ordinal();
      deciding[i] = new DecidingStatement(policy.label(), s.index(), s.sid());
      List<DecidingStatement> one = List.of(deciding[i]);
      allowedBy[i] = new Decision(Outcome.ALLOW, one, null, "Allowed by " + describe(s) + ".");
      deniedBy[i] = new Decision(Outcome.EXPLICIT_DENY, one, null, "Explicitly denied by " + describe(s) + ".");
    }
  }

  DecidingStatement deciding(CompiledStatement s) {
    return deciding[s.ordinal()];
  }

  Decision allowedBy(CompiledStatement s) {
    return allowedBy[s.ordinal()];
  }

  Decision deniedBy(CompiledStatement s) {
    return deniedBy[s.ordinal()];
  }

  /** E.g. {@code statement 2 (Sid "ReadOnly") of identityPolicies[0], an identity-based policy}. */
  String describe(CompiledStatement s) {
    String sid = s.sid() == null ? "" : " (Sid \"" + s.sid() + "\")";
    String article = kind == PolicyKind.IDENTITY_POLICY ? "an " : "a ";
    return "statement " + s.index() + sid + " of " + policy.label() + ", " + article + kind.description();
  }
}
