package dev.lanyard.policy.eval;

import java.util.List;
import java.util.Objects;

/**
 * An authorization decision.
 *
 * @param outcome allow, explicit deny or implicit deny
 * @param statements for {@code ALLOW} the statements that granted (the resource-based policy's
 *     statement when it granted on its own, else the identity policy's; both across accounts; none
 *     for the account root in its own account); for {@code EXPLICIT_DENY} every denying statement;
 *     empty for {@code IMPLICIT_DENY}
 * @param missingAllow for {@code IMPLICIT_DENY}, the kind of policy that lacked an allow; else null
 * @param reason one sentence
 */
public record Decision(
    Outcome outcome, List<DecidingStatement> statements, PolicyKind missingAllow, String reason) {
  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    statements = List.copyOf(statements);
    Objects.requireNonNull(reason, "reason");
    if ((outcome == Outcome.IMPLICIT_DENY) != (missingAllow != null)) {
      throw new IllegalArgumentException(
          "missingAllow must be set exactly for IMPLICIT_DENY; got " + outcome + " with " + missingAllow);
    }
  }

  /** Whether the request is allowed. */
  public boolean allowed() {
    return outcome == Outcome.ALLOW;
  }
}
