package dev.lanyard.sts.authz;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.DecidingStatement;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.sts.auth.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a caller may perform an action on a resource: the caller's compiled policy set
 * (cached), the request context built from its credentials, session revocation ("revoke sessions
 * issued before T", AWS's {@code aws:TokenIssueTime} deny), and the policy engine. {@link #require}
 * turns a denial into {@code AccessDenied} with AWS's message and an encoded authorisation message.
 */
public final class AccessEvaluator {
  /** The label of the implicit revocation policy in decisions, after AWS's inline policy name. */
  public static final String REVOCATION_POLICY = "AWSRevokeOlderSessions";

  private final PrincipalPolicies principals;
  private final RequestContextFactory contexts;
  private final AuthorizationMessages messages;
  private final Clock clock;

  public AccessEvaluator(PrincipalPolicies principals, RequestContextFactory contexts,
      AuthorizationMessages messages, Clock clock) {
    this.principals = principals;
    this.contexts = contexts;
    this.messages = messages;
    this.clock = clock;
  }

  /** A request to decide, with everything but the caller. */
  public record Question(String action, String resource, Map<String, List<String>> context,
      CompiledPolicy resourcePolicy, String resourceAccount) {
    public static Question of(String action, String resource) {
      return new Question(action, resource, Map.of(), null, null);
    }
  }

  /**
   * The decision, the context it was made in (for encoded messages and simulation) and the policy
   * set it was made with (null when a revocation decided before any policy was read).
   */
  public record Evaluation(Decision decision, RequestContext context, PolicySet policies) {
    public Evaluation(Decision decision, RequestContext context) {
      this(decision, context, null);
    }
  }

  public Decision decide(Caller caller, Question q) {
    return evaluate(caller, q).decision();
  }

  /** Decides and returns the context used. */
  public Evaluation evaluate(Caller caller, Question q) {
    Instant now = clock.instant();
    PrincipalPolicies.PrincipalState state = principals.stateFor(caller);
    CredentialContext credential = contexts.credentialContext(caller, state);
    RequestContext context = contexts.build(caller, credential, q.context(), now);
    String instance = issuedToInstance(caller);
    if (instance != null && principals.instanceRevoked(instance)) {
      return new Evaluation(new Decision(Outcome.EXPLICIT_DENY,
          List.of(new DecidingStatement(REVOCATION_POLICY, 0, "RevokedInstance")), null,
          "The instance " + instance + " these credentials were issued to was revoked."), context);
    }
    if (revoked(caller, state)) {
      return new Evaluation(new Decision(Outcome.EXPLICIT_DENY,
          List.of(new DecidingStatement(REVOCATION_POLICY, 0, "RevokeOlderSessions")), null,
          "Sessions of this principal issued before " + state.sessionsRevokedBefore()
              + " were revoked."), context);
    }
    PolicySet callerSet = principals.policiesFor(caller, state);
    PolicySet set = q.resourcePolicy() == null ? callerSet : callerSet.withResourcePolicy(q.resourcePolicy());
    AuthorizationRequest request = new AuthorizationRequest(credential.principal(), q.action(),
        q.resource(), q.resourceAccount(), context);
    return new Evaluation(Evaluator.evaluate(request, set), context, callerSet);
  }

  /** The host instance a session was issued to (agent credentials), or null. */
  private static String issuedToInstance(Caller caller) {
    if (caller.session() == null) {
      return null;
    }
    List<String> ids = caller.session().claims().grant().federation()
        .get(dev.lanyard.sts.token.SessionGrant.INSTANCE_FACT);
    return ids == null || ids.isEmpty() ? null : ids.get(0);
  }

  /** Whether the caller's session was issued before its principal's revocation time. */
  public static boolean revoked(Caller caller, PrincipalPolicies.PrincipalState state) {
    return caller.session() != null && state.sessionsRevokedBefore() != null
        && caller.session().claims().issuedAt().isBefore(state.sessionsRevokedBefore());
  }

  /** Passes when allowed; otherwise {@code AccessDenied} in AWS's words, with an encoded message. */
  public void require(Caller caller, Question q) {
    Evaluation o = evaluate(caller, q);
    if (o.decision().outcome() != Outcome.ALLOW) {
      throw denied(caller, q, o);
    }
  }

  public void require(Caller caller, String action, String resource) {
    require(caller, Question.of(action, resource));
  }

  /** AWS's AccessDenied message for a decision, with the encoded explanation. */
  public AccessDeniedException denied(Caller caller, Question q, Evaluation o) {
    String why = switch (o.decision().outcome()) {
      case EXPLICIT_DENY -> "with an explicit deny in " + explicitDenySource(o.decision());
      case IMPLICIT_DENY -> "because no " + kindName(o.decision()) + " allows the " + q.action()
          + " action";
      case ALLOW -> "";
    };
    String message = "User: " + caller.arn() + " is not authorized to perform: " + q.action()
        + " on resource: " + q.resource() + " " + why;
    String encoded = messages.encode(AuthorizationMessages.describe(o.decision(), caller.arn(),
        q.action(), q.resource(), o.context()));
    return new AccessDeniedException(message, encoded);
  }

  private static String explicitDenySource(Decision d) {
    return d.statements().isEmpty() ? "a policy" : "policy " + d.statements().get(0).policy();
  }

  private static String kindName(Decision d) {
    if (d.missingAllow() == null) {
      return "policy";
    }
    return switch (d.missingAllow()) {
      case IDENTITY_POLICY -> "identity-based policy";
      case PERMISSIONS_BOUNDARY -> "permissions boundary";
      case SESSION_POLICY -> "session policy";
      case RESOURCE_POLICY -> "resource-based policy";
      case SERVICE_CONTROL_POLICY -> "service control policy";
      case RESOURCE_CONTROL_POLICY -> "resource control policy";
    };
  }
}
