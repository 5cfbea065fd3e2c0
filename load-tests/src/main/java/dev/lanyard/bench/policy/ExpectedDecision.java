package dev.lanyard.bench.policy;

import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicyKind;
import dev.lanyard.policy.eval.PolicySet;
import java.util.Objects;

/**
 * A benchmark request and the decision path it must take: the outcome, and either the {@code Sid}
 * of the single deciding statement (allow, explicit deny) or the kind of policy that lacked an
 * allow (implicit deny).
 *
 * @param request the request, prepared once
 * @param outcome the expected outcome
 * @param decidingSid for {@code ALLOW} and {@code EXPLICIT_DENY}, the deciding statement's Sid
 * @param missingAllow for {@code IMPLICIT_DENY}, the policy kind without an allow
 */
public record ExpectedDecision(
    AuthorizationRequest request, Outcome outcome, String decidingSid, PolicyKind missingAllow) {

  public ExpectedDecision {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.IMPLICIT_DENY) != (missingAllow != null)
        || (outcome == Outcome.IMPLICIT_DENY) == (decidingSid != null)) {
      throw new IllegalArgumentException("an IMPLICIT_DENY expectation names missingAllow only, "
          + "an ALLOW or EXPLICIT_DENY expectation names decidingSid only; got " + outcome
          + " with decidingSid " + decidingSid + " and missingAllow " + missingAllow);
    }
  }

  /** An allow or explicit deny decided by the one statement {@code sid}. */
  public static ExpectedDecision decidedBy(AuthorizationRequest request, Outcome outcome, String sid) {
    return new ExpectedDecision(request, outcome, sid, null);
  }

  /** An implicit deny for lack of an allow in {@code kind}. */
  public static ExpectedDecision implicitDeny(AuthorizationRequest request, PolicyKind kind) {
    return new ExpectedDecision(request, Outcome.IMPLICIT_DENY, null, kind);
  }

  /**
   * Evaluates the request once and checks the decision.
   *
   * @return the decision
   * @throws IllegalStateException when the decision took another path
   */
  public Decision verify(PolicySet policies) {
    Decision d = Evaluator.evaluate(request, policies);
    boolean expected = d.outcome() == outcome
        && Objects.equals(d.missingAllow(), missingAllow)
        && (decidingSid == null
            ? d.statements().isEmpty()
            : d.statements().size() == 1 && decidingSid.equals(d.statements().get(0).sid()));
    if (!expected) {
      throw new IllegalStateException("request " + request.action() + " on " + request.resource()
          + " should be " + outcome + (decidingSid == null ? "" : " by Sid " + decidingSid)
          + (missingAllow == null ? "" : " for lack of a " + missingAllow.description() + " allow")
          + ", but was " + d.outcome() + " " + d.statements() + ": " + d.reason());
    }
    return d;
  }
}
