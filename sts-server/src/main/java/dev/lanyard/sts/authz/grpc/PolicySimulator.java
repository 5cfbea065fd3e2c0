package dev.lanyard.sts.authz.grpc;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.DecidingStatement;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.model.ValueClause;
import dev.lanyard.proto.authz.v1.EvaluationResult;
import dev.lanyard.proto.authz.v1.PermissionsBoundaryDecisionDetail;
import dev.lanyard.proto.authz.v1.Position;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AWS IAM's policy simulator over given policies: every action against every resource, each decided
 * by the policy engine with AWS's evaluation logic, reported as AWS reports it: the decision
 * ({@code allowed}, {@code explicitDeny}, {@code implicitDeny}), the matched statements with their
 * source and start position, the context keys that statements for the action use but the request
 * did not supply, and whether the permissions boundary allows.
 */
final class PolicySimulator {
  /** What to simulate. */
  record Scenario(List<SimulatedPolicy> identity, SimulatedPolicy boundary, SimulatedPolicy resource,
      RequestPrincipal principal, List<String> actions, List<String> resources, String resourceAccount,
      Map<String, List<String>> context) {}

  private PolicySimulator() {}

  static List<EvaluationResult> simulate(Scenario s) {
    if (s.actions().isEmpty()) {
      throw new LanyardException(AwsErrorCode.InvalidInput, "ActionNames: give at least one action, e.g. s3:GetObject");
    }
    List<SimulatedPolicy> all = new ArrayList<>(s.identity());
    PolicySet.Builder set = PolicySet.builder()
        .identityPolicies(s.identity().stream().map(SimulatedPolicy::compiled).toList());
    if (s.boundary() != null) {
      set.permissionsBoundary(s.boundary().compiled());
      all.add(s.boundary());
    }
    if (s.resource() != null) {
      set.resourcePolicy(s.resource().compiled());
      all.add(s.resource());
    }
    PolicySet policies = set.build();
    Map<String, SimulatedPolicy> byId = new HashMap<>();
    all.forEach(p -> byId.put(p.id(), p));
    RequestContext.Builder cb = RequestContext.builder();
    s.context().forEach(cb::put);
    RequestContext context = cb.principalKeys(s.principal()).build();
    List<String> resources = s.resources().isEmpty() ? List.of("*") : s.resources();
    List<EvaluationResult> results = new ArrayList<>();
    for (String action : s.actions()) {
      for (String resource : resources) {
        AuthorizationRequest request;
        try {
          request = new AuthorizationRequest(s.principal(), action, resource, s.resourceAccount(), context);
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new LanyardException(AwsErrorCode.InvalidInput, "ActionNames/ResourceArns: " + e.getMessage());
        }
        results.add(result(request, dev.lanyard.policy.eval.Evaluator.evaluate(request, policies), byId, all,
            s.boundary()));
      }
    }
    return results;
  }

  private static EvaluationResult result(AuthorizationRequest request, Decision d, Map<String, SimulatedPolicy> byId,
      List<SimulatedPolicy> all, SimulatedPolicy boundary) {
    EvaluationResult.Builder b = EvaluationResult.newBuilder()
        .setEvalActionName(request.action())
        .setEvalResourceName(request.resource())
        .setEvalDecision(switch (d.outcome()) {
          case ALLOW -> "allowed";
          case EXPLICIT_DENY -> "explicitDeny";
          case IMPLICIT_DENY -> "implicitDeny";
        });
    for (DecidingStatement ds : d.statements()) {
      SimulatedPolicy p = byId.get(ds.policy());
      var st = b.addMatchedStatementsBuilder().setSourcePolicyId(ds.policy())
          .setSourcePolicyType(p == null ? "none" : p.sourceType());
      if (p != null && ds.statement() >= 0 && ds.statement() < p.document().statements().size()) {
        Statement statement = p.document().statements().get(ds.statement());
        st.setStartPosition(Position.newBuilder().setLine(statement.position().line())
            .setColumn(statement.position().column()));
      }
    }
    b.addAllMissingContextValues(missingKeys(request, all));
    if (boundary != null) {
      CompiledPolicy bp = boundary.compiled();
      b.setPermissionsBoundaryDecisionDetail(PermissionsBoundaryDecisionDetail.newBuilder()
          .setAllowedByPermissionsBoundary(bp.firstMatch(Effect.ALLOW, request, true) != null
              && bp.firstMatch(Effect.DENY, request, true) == null));
    }
    return b.build();
  }

  /** Condition keys of statements whose action matches, absent from the request context. */
  static List<String> missingKeys(AuthorizationRequest request, List<SimulatedPolicy> policies) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (SimulatedPolicy p : policies) {
      for (Statement s : p.document().statements()) {
        if (!actionMatches(s.action(), request.action())) {
          continue;
        }
        for (ConditionClause c : s.conditions()) {
          String lower = c.key().toLowerCase(Locale.ROOT);
          if (request.context().value(lower) == null && seen.add(lower)) {
            missing.add(c.key());
          }
        }
      }
    }
    return missing;
  }

  private static boolean actionMatches(ValueClause clause, String action) {
    if (clause == null) {
      return false;
    }
    boolean any = false;
    for (String pattern : clause.values()) {
      if (glob(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT))) {
        any = true;
        break;
      }
    }
    return any != clause.negated();
  }

  /** {@code *} and {@code ?} wildcards, iteratively with backtracking to the last star. */
  static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
