package dev.lanyard.policy.reference;

import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.PrincipalKind;
import dev.lanyard.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain reference interpreter of IAM policy evaluation over the parsed model ({@link
 * PolicyDocument}), written for reading rather than speed: no compilation, no index, no cache.
 *
 * <p>Scope, stated simply (everything else throws {@link OutOfScope}):
 *
 * <ol>
 *   <li>An explicit deny in any policy that applies (identity, boundary, session, resource policy
 *       with a matching principal, SCP, RCP) decides {@code EXPLICIT_DENY}.
 *   <li>RCP and SCP levels: each level, root first, needs at least one applicable allow.
 *   <li>The identity side: some identity policy allows; the boundary, when present, allows; the
 *       session policy, when present, allows; a federated-user session without a session policy
 *       has no permissions.
 *   <li>Same account: the identity side suffices; a resource policy alone also suffices when it
 *       names the caller's own user, session or federated-user ARN; when it names the role of an
 *       assumed-role session it suffices unless a present boundary or session policy lacks an
 *       allow. Same-account grants to an account or to {@code *} are out of scope.
 *   <li>Cross account: the identity side and a resource policy that names the caller (its ARN,
 *       its role, its account or {@code *}) are both needed.
 * </ol>
 *
 * <p>Out of scope: root users, {@code NotPrincipal}, principal kinds other than {@code AWS}, and
 * the service-specific exceptions (trust policies, KMS key policies).
 */
public final class ReferenceEvaluator {

  /** The three outcomes of AWS's evaluation. */
  public enum Outcome {
    ALLOW,
    EXPLICIT_DENY,
    IMPLICIT_DENY
  }

  /** A case the reference does not decide; the property test generates another. */
  public static final class OutOfScope extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfScope(String why) {
      super(why);
    }
  }

  /** The policies of one request; absent ones are null or empty. */
  public record Policies(
      List<PolicyDocument> identity,
      PolicyDocument boundary,
      PolicyDocument session,
      PolicyDocument resource,
      List<List<PolicyDocument>> serviceControl,
      List<List<PolicyDocument>> resourceControl) {}

  /** How a resource policy statement names the caller, from narrowest to widest. */
  private enum Named {
    NOT_NAMED,
    ITS_ROLE,
    EXACT_ARN,
    ITS_ACCOUNT,
    EVERYONE
  }

  private ReferenceEvaluator() {}

  /** Decides one request. */
  public static Outcome evaluate(RequestFacts request, Policies policies) {
    if (request.principalArn().endsWith(":root")) {
      throw new OutOfScope("root user");
    }
    List<PolicyDocument> all = new ArrayList<>(policies.identity());
    if (policies.boundary() != null) {
      all.add(policies.boundary());
    }
    if (policies.session() != null) {
      all.add(policies.session());
    }
    if (policies.resource() != null) {
      all.add(policies.resource());
    }
    policies.serviceControl().forEach(all::addAll);
    policies.resourceControl().forEach(all::addAll);

    // 1. Explicit deny anywhere.
    for (PolicyDocument doc : all) {
      if (hasApplicable(doc, Effect.DENY, request)) {
        return Outcome.EXPLICIT_DENY;
      }
    }
    // 2. Every RCP level and every SCP level must allow.
    for (List<PolicyDocument> level : policies.resourceControl()) {
      if (!anyAllows(level, request)) {
        return Outcome.IMPLICIT_DENY;
      }
    }
    for (List<PolicyDocument> level : policies.serviceControl()) {
      if (!anyAllows(level, request)) {
        return Outcome.IMPLICIT_DENY;
      }
    }
    // 3. The identity side.
    boolean identityAllows = anyAllows(policies.identity(), request);
    boolean boundaryOk = policies.boundary() == null || hasApplicable(policies.boundary(), Effect.ALLOW, request);
    boolean sessionOk = policies.session() != null
        ? hasApplicable(policies.session(), Effect.ALLOW, request)
        : !request.isFederatedUser();
    boolean identitySide = identityAllows && boundaryOk && sessionOk;

    // 4./5. The resource policy.
    Named named = policies.resource() == null ? Named.NOT_NAMED : bestGrant(policies.resource(), request);
    boolean sameAccount = request.resourceAccount().equals(request.principalAccount());
    if (sameAccount) {
      if (named == Named.ITS_ACCOUNT || named == Named.EVERYONE) {
        throw new OutOfScope("same-account grant to an account or to everyone");
      }
      if (named == Named.EXACT_ARN) {
        return Outcome.ALLOW;
      }
      if (named == Named.ITS_ROLE) {
        boolean sessionPolicyOk = policies.session() == null || hasApplicable(policies.session(), Effect.ALLOW, request);
        if (boundaryOk && sessionPolicyOk) {
          return Outcome.ALLOW;
        }
      }
      return identitySide ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
    }
    return identitySide && named != Named.NOT_NAMED ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
  }

  private static boolean anyAllows(List<PolicyDocument> docs, RequestFacts request) {
    for (PolicyDocument doc : docs) {
      if (hasApplicable(doc, Effect.ALLOW, request)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasApplicable(PolicyDocument doc, Effect effect, RequestFacts request) {
    for (Statement statement : doc.statements()) {
      if (statement.effect() == effect && applies(doc, statement, request)
          && named(statement.principal(), request) != Named.NOT_NAMED) {
        return true;
      }
    }
    return false;
  }

  /** The widest way an applicable Allow statement of a resource policy names the caller. */
  private static Named bestGrant(PolicyDocument doc, RequestFacts request) {
    Named best = Named.NOT_NAMED;
    for (Statement statement : doc.statements()) {
      if (statement.effect() == Effect.ALLOW && applies(doc, statement, request)) {
        Named named = named(statement.principal(), request);
        if (named.ordinal() > best.ordinal()) {
          best = named;
        }
      }
    }
    return best;
  }

  /** Action, resource and conditions (not the principal). */
  private static boolean applies(PolicyDocument doc, Statement statement, RequestFacts request) {
    boolean variables = doc.version().supportsVariables();
    if (statement.action() == null || !Resources.actionClauseMatches(statement.action(), request.action())) {
      return false;
    }
    if (statement.resource() != null
        && !Resources.resourceClauseMatches(statement.resource(), request.resource(), variables, request)) {
      return false;
    }
    return Conditions.allHold(statement.conditions(), variables, request);
  }

  /** How a Principal element names the caller; a statement without one names everyone. */
  private static Named named(PrincipalClause principal, RequestFacts request) {
    if (principal == null) {
      return Named.EVERYONE;
    }
    if (principal.negated()) {
      throw new OutOfScope("NotPrincipal");
    }
    if (principal.wildcard()) {
      return Named.EVERYONE;
    }
    Named best = Named.NOT_NAMED;
    for (String id : principal.idsOf(PrincipalKind.AWS)) {
      Named named = Named.NOT_NAMED;
      String account = request.principalAccount();
      if (id.equals("*")) {
        named = Named.EVERYONE;
      } else if (id.equals(account) || id.equals("arn:aws:iam::" + account + ":root")) {
        named = Named.ITS_ACCOUNT;
      } else if (id.equals(request.principalArn())) {
        named = Named.EXACT_ARN;
      } else if (request.isRoleSession() && id.equals(request.sessionRoleArn())) {
        named = Named.ITS_ROLE;
      }
      if (named.ordinal() > best.ordinal()) {
        best = named;
      }
    }
    return best;
  }
}
