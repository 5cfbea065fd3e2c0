package dev.lanyard.policy.eval;

import dev.lanyard.policy.compile.CompiledStatement;
import dev.lanyard.policy.match.PrincipalGrant;
import dev.lanyard.policy.model.Effect;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * AWS's policy evaluation logic (IAM User Guide: "Policy evaluation logic", "Determining whether a
 * request is allowed or denied within an account", "Cross-account policy evaluation logic",
 * "Permissions boundaries for IAM entities", "Session policies").
 *
 * <ol>
 *   <li>An applicable {@code Deny} in any policy wins ({@code EXPLICIT_DENY}, listing every
 *       denying statement).
 *   <li>RCPs (resource's account) and then SCPs (principal's account, including its root user):
 *       every level must have an applicable {@code Allow}.
 *   <li>Same account: a resource-based policy that names the principal itself (user ARN,
 *       role-session ARN, federated-user ARN, or {@code *}) allows on its own, whatever the identity
 *       policies, boundary and session policies say. One that names the role of a session, or the
 *       IAM user behind a federated user, stands in for the identity policies but is still limited by
 *       the boundary and the session policies. One that names the account only delegates to the
 *       identity policies. The root user is allowed in its own account.
 *   <li>Otherwise the identity side must allow: an identity policy, and the permissions boundary if
 *       there is one, and for sessions the session policies (a role session without session policies
 *       passes; a federated-user session without one does not).
 *   <li>Cross-account (principal's account differs from the resource's, or the principal has no
 *       account): the identity side and the resource-based policy must both allow.
 * </ol>
 *
 * <p>Which policies apply depends on the principal: identity policies and the boundary apply to
 * users and sessions only, session policies to sessions only, SCPs to principals of an account
 * only; policies supplied for a principal they do not apply to are ignored. With
 * {@link PolicySet#resourcePolicyRequired()} (trust and key policies) the resource-based policy must
 * allow within the account too. The common decisions are built ahead and returned without
 * allocating.
 */
public final class Evaluator {

  private static final Map<PolicyKind, Decision> IMPLICIT = implicitDecisions();
  private static final Decision ROOT_ALLOWED = new Decision(Outcome.ALLOW, List.of(), null,
      "Allowed because the account root user has full access within its own account and no policy denies or restricts it.");

  private Evaluator() {}

  /** Decides one request against the policies that apply to it. */
  public static Decision evaluate(AuthorizationRequest request, PolicySet policies) {
    RequestPrincipal principal = request.principal();
    PrincipalType type = principal.type();
    boolean identityApplies = type.hasIdentityPolicies();
    boolean hasBoundary = identityApplies && policies.boundary != null;
    boolean sessionApplies = type.isSession();
    boolean scpsApply = type.hasAccount();

    Decision denied = explicitDeny(request, policies, identityApplies, hasBoundary, sessionApplies, scpsApply);
    if (denied != null) {
      return denied;
    }
    if (!everyLevelAllows(policies.rcps, request, hasBoundary)) {
      return IMPLICIT.get(PolicyKind.RESOURCE_CONTROL_POLICY);
    }
    if (scpsApply && !everyLevelAllows(policies.scps, request, hasBoundary)) {
      return IMPLICIT.get(PolicyKind.SERVICE_CONTROL_POLICY);
    }

    PolicyEntry resource = policies.resource;
    CompiledStatement resourceAllow =
        resource == null ? null : resource.policy.strongestAllow(request, hasBoundary);
    PrincipalGrant grant =
        resourceAllow == null ? PrincipalGrant.NONE : resourceAllow.principalGrant(principal);

    String account = principal.accountId();
    boolean sameAccount = account != null && account.equals(request.resourceAccount());
    if (sameAccount) {
      return sameAccount(request, policies, type, resource, resourceAllow, grant, hasBoundary);
    }
    return crossAccount(request, policies, identityApplies, resource, resourceAllow, grant, hasBoundary);
  }

  private static Decision sameAccount(
      AuthorizationRequest request,
      PolicySet policies,
      PrincipalType type,
      PolicyEntry resource,
      CompiledStatement resourceAllow,
      PrincipalGrant grant,
      boolean hasBoundary) {
    // "Resource-based policies and implicit denies in other policy types (same account)": a grant
    // to the user, the role session or the federated user itself is not limited by an implicit
    // deny in identity policies, the boundary or session policies.
    if (grant == PrincipalGrant.DIRECT) {
      return resource.allowedBy(resourceAllow);
    }
    if (policies.resourcePolicyRequired && grant == PrincipalGrant.NONE) {
      return IMPLICIT.get(PolicyKind.RESOURCE_POLICY);
    }
    if (type == PrincipalType.ACCOUNT_ROOT) {
      return grant == PrincipalGrant.NONE ? ROOT_ALLOWED : resource.allowedBy(resourceAllow);
    }
    // A grant to the role ARN (for its sessions) or to the IAM user who federated stands in for
    // the identity policies but "is limited by an implicit deny in a permissions boundary or
    // session policy". A grant to the account delegates to the identity policies.
    boolean entityGrant = grant == PrincipalGrant.ENTITY;
    Decision identity = identityAllow(request, policies);
    if (!entityGrant && identity == null) {
      return IMPLICIT.get(PolicyKind.IDENTITY_POLICY);
    }
    Decision limited = boundaryAndSession(request, policies, type, hasBoundary);
    if (limited != null) {
      return limited;
    }
    if (entityGrant) {
      return resource.allowedBy(resourceAllow);
    }
    if (policies.resourcePolicyRequired) {
      return both(identity, resource, resourceAllow);
    }
    return identity;
  }

  private static Decision crossAccount(
      AuthorizationRequest request,
      PolicySet policies,
      boolean identityApplies,
      PolicyEntry resource,
      CompiledStatement resourceAllow,
      PrincipalGrant grant,
      boolean hasBoundary) {
    // "Cross-account policy evaluation logic": the requesting side and the resource-based policy
    // must both allow.
    Decision identity = null;
    if (identityApplies) {
      identity = identityAllow(request, policies);
      if (identity == null) {
        return IMPLICIT.get(PolicyKind.IDENTITY_POLICY);
      }
      Decision limited = boundaryAndSession(request, policies, request.principal().type(), hasBoundary);
      if (limited != null) {
        return limited;
      }
    }
    if (grant == PrincipalGrant.NONE) {
      return IMPLICIT.get(PolicyKind.RESOURCE_POLICY);
    }
    return identity == null ? resource.allowedBy(resourceAllow) : both(identity, resource, resourceAllow);
  }

  /** The boundary and the session policies; null when both pass. */
  private static Decision boundaryAndSession(
      AuthorizationRequest request, PolicySet policies, PrincipalType type, boolean hasBoundary) {
    if (hasBoundary && policies.boundary.policy.firstMatch(Effect.ALLOW, request, true) == null) {
      return IMPLICIT.get(PolicyKind.PERMISSIONS_BOUNDARY);
    }
    if (type.isSession()) {
      PolicyEntry[] session = policies.session;
      if (session.length == 0) {
        // "If there is no session policy ... If the principal is a role session, then the request
        // is Allowed. Otherwise, the request is implicitly denied."
        return type == PrincipalType.ASSUMED_ROLE ? null : IMPLICIT.get(PolicyKind.SESSION_POLICY);
      }
      for (PolicyEntry e : session) {
        if (e.policy.firstMatch(Effect.ALLOW, request, hasBoundary) != null) {
          return null;
        }
      }
      return IMPLICIT.get(PolicyKind.SESSION_POLICY);
    }
    return null;
  }

  /** The prepared decision of the first identity-policy statement that allows, or null. */
  private static Decision identityAllow(AuthorizationRequest request, PolicySet policies) {
    boolean hasBoundary = policies.boundary != null;
    for (PolicyEntry e : policies.identity) {
      CompiledStatement s = e.policy.firstMatch(Effect.ALLOW, request, hasBoundary);
      if (s != null) {
        return e.allowedBy(s);
      }
    }
    return null;
  }

  /** Identity side and resource side both decided (cross-account, or a required trust policy). */
  private static Decision both(Decision identity, PolicyEntry resource, CompiledStatement resourceAllow) {
    String identityReason = identity.reason();
    return new Decision(
        Outcome.ALLOW,
        List.of(identity.statements().get(0), resource.deciding(resourceAllow)),
        null,
        identityReason.substring(0, identityReason.length() - 1) + ", and by " + resource.describe(resourceAllow) + ".");
  }

  private static boolean everyLevelAllows(PolicyEntry[][] levels, AuthorizationRequest request, boolean hasBoundary) {
    for (PolicyEntry[] level : levels) {
      boolean allowed = false;
      for (PolicyEntry e : level) {
        if (e.policy.firstMatch(Effect.ALLOW, request, hasBoundary) != null) {
          allowed = true;
          break;
        }
      }
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /**
   * The explicit-deny decision, or null. One pass counts denying statements and remembers the
   * first, without allocating; a single deny returns its prepared decision, and only several
   * denies take a second pass to list them.
   */
  private static Decision explicitDeny(
      AuthorizationRequest request,
      PolicySet policies,
      boolean identityApplies,
      boolean hasBoundary,
      boolean sessionApplies,
      boolean scpsApply) {
    PolicyEntry[] order = policies.evaluationOrder;
    int count = 0;
    PolicyEntry firstEntry = null;
    CompiledStatement firstStatement = null;
    for (PolicyEntry e : order) {
      if (applies(e.kind, identityApplies, sessionApplies, scpsApply)) {
        CompiledStatement s = null;
        while ((s = e.policy.nextMatch(Effect.DENY, request, hasBoundary, s)) != null) {
          if (count++ == 0) {
            firstEntry = e;
            firstStatement = s;
          }
        }
      }
    }
    if (count == 0) {
      return null;
    }
    if (count == 1) {
      return firstEntry.deniedBy(firstStatement);
    }
    DenyScan scan = new DenyScan(count);
    for (PolicyEntry e : order) {
      if (applies(e.kind, identityApplies, sessionApplies, scpsApply)) {
        CompiledStatement s = null;
        while ((s = e.policy.nextMatch(Effect.DENY, request, hasBoundary, s)) != null) {
          scan.add(e, s);
        }
      }
    }
    return scan.decision();
  }

  private static boolean applies(PolicyKind kind, boolean identityApplies, boolean sessionApplies, boolean scpsApply) {
    return switch (kind) {
      case SERVICE_CONTROL_POLICY -> scpsApply;
      case IDENTITY_POLICY, PERMISSIONS_BOUNDARY -> identityApplies;
      case SESSION_POLICY -> sessionApplies;
      default -> true;
    };
  }

  private static Map<PolicyKind, Decision> implicitDecisions() {
    Map<PolicyKind, Decision> m = new EnumMap<>(PolicyKind.class);
    m.put(PolicyKind.RESOURCE_CONTROL_POLICY, implicit(PolicyKind.RESOURCE_CONTROL_POLICY,
        "Implicitly denied because a level of resource control policies has no statement that allows the request."));
    m.put(PolicyKind.SERVICE_CONTROL_POLICY, implicit(PolicyKind.SERVICE_CONTROL_POLICY,
        "Implicitly denied because a level of service control policies has no statement that allows the request."));
    m.put(PolicyKind.RESOURCE_POLICY, implicit(PolicyKind.RESOURCE_POLICY,
        "Implicitly denied because no resource-based policy statement allows the request for this principal."));
    m.put(PolicyKind.IDENTITY_POLICY, implicit(PolicyKind.IDENTITY_POLICY,
        "Implicitly denied because no identity-based policy statement allows the request."));
    m.put(PolicyKind.PERMISSIONS_BOUNDARY, implicit(PolicyKind.PERMISSIONS_BOUNDARY,
        "Implicitly denied because the permissions boundary has no statement that allows the request."));
    m.put(PolicyKind.SESSION_POLICY, implicit(PolicyKind.SESSION_POLICY,
        "Implicitly denied because no session policy statement allows the request."));
    return m;
  }

  private static Decision implicit(PolicyKind kind, String reason) {
    return new Decision(Outcome.IMPLICIT_DENY, List.of(), kind, reason);
  }

  /** Collects several denying statements. */
  private static final class DenyScan {
    private final List<DecidingStatement> statements;
    private String firstDescription;

    DenyScan(int count) {
      this.statements = new ArrayList<>(count);
    }

    void add(PolicyEntry e, CompiledStatement s) {
      if (firstDescription == null) {
        firstDescription = e.describe(s);
      }
      statements.add(e.deciding(s));
    }

    Decision decision() {
      return new Decision(Outcome.EXPLICIT_DENY, statements, null,
          "Explicitly denied by " + statements.size() + " statements, first " + firstDescription + ".");
    }
  }
}
