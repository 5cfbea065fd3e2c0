package dev.lanyard.sts.session;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.DecidingStatement;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.authz.PrincipalPolicies;
import dev.lanyard.sts.authz.RequestContextFactory;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.cache.VersionedCache;
import dev.lanyard.sts.store.model.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a caller may assume a role: the role's trust policy is the resource-based policy
 * of the request and must allow it even within the account (IAM User Guide, "Policy evaluation
 * logic"); within the account a trust policy naming the account delegates to the caller's identity
 * policies, across accounts both sides must allow. The caller's boundary and session policies
 * apply, and a revoked caller session is refused. MFA proven in this very call counts for
 * {@code aws:MultiFactorAuthPresent} and {@code aws:MultiFactorAuthAge}. Compiled trust policies
 * and the per-caller policy sets with the trust policy are cached per store version.
 */
public final class RoleTrust {
  private final PrincipalPolicies principals;
  private final RequestContextFactory contexts;
  private final AccessEvaluator access;
  private final Clock clock;
  private final VersionedCache<String, CompiledPolicy> trustPolicies;
  private final VersionedCache<String, PolicySet> trustSets;

  public RoleTrust(PrincipalPolicies principals, RequestContextFactory contexts, AccessEvaluator access,
      StoreVersionTracker versions, Clock clock) {
    this.principals = principals;
    this.contexts = contexts;
    this.access = access;
    this.clock = clock;
    this.trustPolicies = new VersionedCache<>(versions, 20_000);
    this.trustSets = new VersionedCache<>(versions, 50_000);
  }

  /** The role with this ARN (cached per store version), or empty when there is none. */
  public java.util.Optional<Role> role(String roleArn) {
    return principals.role(roleArn);
  }

  /**
   * Requires every action in {@code actions} (e.g. {@code sts:AssumeRole}, {@code sts:TagSession})
   * to be allowed on the role, with {@code requestKeys} (the STS keys of the request) in the context.
   *
   * @throws dev.lanyard.sts.authz.AccessDeniedException in AWS's words for the first denied action
   */
  public void require(Caller caller, Role role, List<String> actions, Map<String, List<String>> requestKeys,
      Instant mfaInThisCall) {
    Instant now = clock.instant();
    PrincipalPolicies.PrincipalState state = principals.stateFor(caller);
    RequestContext context = withMfa(contexts.build(caller, state, requestKeys, now), mfaInThisCall, now);
    String roleVersion = role.arn() + "#" + role.rowVersion();
    CompiledPolicy trust = trustPolicies.get(roleVersion,
        k -> PolicyLibrary.compile(role.trustPolicy(), role.arn() + "/trust-policy"));
    boolean sessionRevoked = AccessEvaluator.revoked(caller, state);
    RequestPrincipal principal = contexts.principal(caller, state);
    PolicySet set = sessionRevoked ? null
        : trustSets.get(caller.accessKeyId() + "|" + roleVersion,
            k -> withTrust(principals.policiesFor(caller, state), trust));
    for (String action : actions) {
      Decision d = sessionRevoked ? revoked(state) : Evaluator.evaluate(
          new AuthorizationRequest(principal, action, role.arn(), role.accountId(), context), set);
      if (d.outcome() != Outcome.ALLOW) {
        AccessEvaluator.Question q = new AccessEvaluator.Question(action, role.arn(), requestKeys, trust,
            role.accountId());
        throw access.denied(caller, q, new AccessEvaluator.Evaluation(d, context));
      }
    }
  }

  private static PolicySet withTrust(PolicySet base, CompiledPolicy trust) {
    PolicySet.Builder b = PolicySet.builder()
        .identityPolicies(base.identityPolicies())
        .sessionPolicies(base.sessionPolicies())
        .serviceControlPolicies(base.serviceControlPolicies())
        .resourceControlPolicies(base.resourceControlPolicies())
        .resourcePolicy(trust)
        .resourcePolicyRequired(true);
    if (base.permissionsBoundary() != null) {
      b.permissionsBoundary(base.permissionsBoundary());
    }
    return b.build();
  }

  private static Decision revoked(PrincipalPolicies.PrincipalState state) {
    return new Decision(Outcome.EXPLICIT_DENY,
        List.of(new DecidingStatement(AccessEvaluator.REVOCATION_POLICY, 0, "RevokeOlderSessions")), null,
        "Sessions of this principal issued before " + state.sessionsRevokedBefore() + " were revoked.");
  }

  private static RequestContext withMfa(RequestContext context, Instant mfaAt, Instant now) {
    if (mfaAt == null) {
      return context;
    }
    return RequestContext.builder()
        .put("aws:MultiFactorAuthPresent", "true")
        .put("aws:MultiFactorAuthAge", Long.toString(Math.max(0, now.getEpochSecond() - mfaAt.getEpochSecond())))
        .buildOn(context);
  }
}
