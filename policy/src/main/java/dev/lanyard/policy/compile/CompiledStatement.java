package dev.lanyard.policy.compile;

import dev.lanyard.policy.condition.CompiledCondition;
import dev.lanyard.policy.match.ActionPatterns;
import dev.lanyard.policy.match.ArnPattern;
import dev.lanyard.policy.match.PrincipalGrant;
import dev.lanyard.policy.match.PrincipalIdentity;
import dev.lanyard.policy.match.PrincipalMatcher;
import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.variable.Template;
import java.util.List;

/**
 * One compiled statement. A statement without {@code Action}/{@code NotAction} never applies; one
 * without {@code Resource}/{@code NotResource} (a role trust policy) applies to any resource; one
 * without {@code Principal}/{@code NotPrincipal} (an identity policy) applies to any principal.
 */
public final class CompiledStatement {

  private final int ordinal;
  private final int index;
  private final String sid;
  private final Effect effect;
  private final ActionPatterns actions;
  private final boolean notAction;
  private final ArnPattern[] resources;
  private final boolean anyResource;
  private final boolean notResource;
  private final PrincipalMatcher principal;
  private final CompiledCondition[] conditions;

  CompiledStatement(int ordinal, Statement statement, PolicyVersion version) {
    this.ordinal = ordinal;
    this.index = statement.index();
    this.sid = statement.sid();
    this.effect = statement.effect();
    this.actions =
        statement.action() == null ? null : ActionPatterns.compile(statement.action().values());
    this.notAction = statement.action() != null && statement.action().negated();
    if (statement.resource() == null) {
      this.resources = null;
      this.anyResource = true;
      this.notResource = false;
    } else {
      List<String> values = statement.resource().values();
      this.resources = new ArnPattern[values.size()];
      boolean any = false;
      for (int i = 0; i < values.size(); i++) {
        resources[i] = ArnPattern.compile(Template.parse(values.get(i), version.supportsVariables()));
        any |= resources[i].isMatchAll();
      }
      this.anyResource = any;
      this.notResource = statement.resource().negated();
    }
    this.principal =
        statement.principal() == null ? null : PrincipalMatcher.compile(statement.principal());
    List<ConditionClause> clauses = statement.conditions();
    this.conditions = new CompiledCondition[clauses.size()];
    for (int i = 0; i < clauses.size(); i++) {
      conditions[i] = CompiledCondition.compile(clauses.get(i), version);
    }
  }

  /** Position in the compiled policy's statement list (0-based). */
  public int ordinal() {
    return ordinal;
  }

  /** The statement's index in its document, as the parser numbered it. */
  public int index() {
    return index;
  }

  /** The {@code Sid}, or null. */
  public String sid() {
    return sid;
  }

  public Effect effect() {
    return effect;
  }

  ActionPatterns actions() {
    return actions;
  }

  boolean notAction() {
    return notAction;
  }

  /**
   * Whether the statement applies to the request: action, resource, principal and every condition.
   *
   * @param principalHasBoundary whether the principal has a permissions boundary: AWS then treats
   *     a {@code Deny} with {@code NotPrincipal} as applying whatever it lists ("Permissions
   *     boundaries for IAM entities", first note)
   */
  public boolean applies(PolicyRequest request, boolean principalHasBoundary) {
    if (actions == null) {
      return false;
    }
    boolean actionMatches = actions.matches(request.action());
    if (actionMatches == notAction) {
      return false;
    }
    return appliesApartFromAction(request, principalHasBoundary);
  }

  /** {@link #applies} without the action test, which the policy's index has already made. */
  boolean appliesApartFromAction(PolicyRequest request, boolean principalHasBoundary) {
    if (principal != null && !principalApplies(request.principal(), principalHasBoundary)) {
      return false;
    }
    if (!resourceMatches(request)) {
      return false;
    }
    for (CompiledCondition condition : conditions) {
      if (!condition.test(request.context())) {
        return false;
      }
    }
    return true;
  }

  private boolean principalApplies(PrincipalIdentity p, boolean principalHasBoundary) {
    if (principal.negated() && effect == Effect.DENY && principalHasBoundary) {
      return true;
    }
    return principal.applies(p);
  }

  private boolean resourceMatches(PolicyRequest request) {
    if (resources == null) {
      return true;
    }
    boolean matched = anyResource;
    if (!matched) {
      String resource = request.resource();
      for (ArnPattern pattern : resources) {
        if (pattern.matches(resource, request.context())) {
          matched = true;
          break;
        }
      }
    }
    return matched != notResource;
  }

  /**
   * How directly this statement's {@code Principal} names {@code p} (for resource-based policies).
   * {@code NotPrincipal} that does not list {@code p} counts as {@link PrincipalGrant#DIRECT}, as
   * {@code *} would; no principal element gives {@link PrincipalGrant#NONE}.
   */
  public PrincipalGrant principalGrant(PrincipalIdentity p) {
    if (principal == null) {
      return PrincipalGrant.NONE;
    }
    if (principal.negated()) {
      return principal.listsAllIdentitiesOf(p) ? PrincipalGrant.NONE : PrincipalGrant.DIRECT;
    }
    return principal.grant(p);
  }

  @Override
  public String toString() {
    return "statement " + index + (sid == null ? "" : " (" + sid + ")") + " " + effect.text();
  }
}
