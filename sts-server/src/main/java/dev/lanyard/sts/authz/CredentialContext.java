package dev.lanyard.sts.authz;

import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.token.VerifiedSession;

/**
 * What a caller's credentials say about every request they sign, worked out once: the principal as
 * the policy engine sees it, and the context keys that only the credentials speak for (principal
 * ARN, account, type, user id and name, principal and session tags, token issue time, MFA presence,
 * source identity, federated provider). Valid while the caller's store-side state and session are
 * the very objects it was made from: a store change makes a new state, so it is made again.
 */
record CredentialContext(RequestPrincipal principal, RequestContext keys,
    PrincipalPolicies.PrincipalState state, VerifiedSession session, String arn) {

  /** Whether this was made for {@code caller} with {@code current} as its state. */
  boolean madeFor(Caller caller, PrincipalPolicies.PrincipalState current) {
    return state == current && session == caller.session() && arn.equals(caller.arn());
  }
}
