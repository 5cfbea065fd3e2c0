package dev.lanyard.policy.simulate;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.compile.PolicyCompiler;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.parse.PolicyParseException;
import dev.lanyard.policy.parse.PolicyParser;
import dev.lanyard.policy.validate.Finding;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.policy.validate.PolicyValidator;
import dev.lanyard.policy.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers a {@link Scenario}: parses each policy, checks it against the element rules of its
 * policy type (size limits are not applied), compiles it under its scenario label, and evaluates
 * the request. Condition keys that AWS derives from the principal ({@code aws:PrincipalArn},
 * {@code aws:username}, ...) are added unless the scenario sets them. Stateless and thread-safe.
 */
public final class Simulator {

  /** Decides one scenario. */
  public Decision simulate(Scenario scenario) throws ScenarioException {
    ScenarioRequest request = scenario.request();
    RequestPrincipal principal;
    try {
      principal = RequestPrincipal.fromArn(request.principal(), request.roleArn());
    } catch (IllegalArgumentException e) {
      throw new ScenarioException("request.principal is not usable: " + e.getMessage(), e);
    }
    PolicySet.Builder policies = PolicySet.builder()
        .identityPolicies(compileAll(scenario.identityPolicies(), PolicyType.IDENTITY))
        .serviceControlPolicies(compileLevels(scenario.serviceControlPolicies(), PolicyType.SCP))
        .resourceControlPolicies(compileLevels(scenario.resourceControlPolicies(), PolicyType.RCP));
    if (scenario.permissionsBoundary() != null) {
      policies.permissionsBoundary(compile(scenario.permissionsBoundary(), PolicyType.BOUNDARY));
    }
    if (scenario.sessionPolicy() != null) {
      policies.sessionPolicies(List.of(compile(scenario.sessionPolicy(), PolicyType.SESSION)));
    }
    if (scenario.resourcePolicy() != null) {
      policies.resourcePolicy(compile(scenario.resourcePolicy(), PolicyType.RESOURCE));
    }
    AuthorizationRequest authorization;
    try {
      authorization = new AuthorizationRequest(
          principal, request.action(), request.resource(), request.resourceAccount(),
          context(request.context(), principal));
    } catch (IllegalArgumentException e) {
      throw new ScenarioException("request is not usable: " + e.getMessage(), e);
    }
    return Evaluator.evaluate(authorization, policies.build());
  }

  private static RequestContext context(Map<String, ContextValue> values, RequestPrincipal principal) {
    RequestContext.Builder context = RequestContext.builder();
    values.forEach((key, value) -> {
      if (value.multiValued()) {
        context.put(key, value.values());
      } else {
        context.put(key, value.values().get(0));
      }
    });
    return context.principalKeys(principal).build();
  }

  private static List<CompiledPolicy> compileAll(List<PolicySource> sources, PolicyType type)
      throws ScenarioException {
    List<CompiledPolicy> compiled = new ArrayList<>(sources.size());
    for (PolicySource source : sources) {
      compiled.add(compile(source, type));
    }
    return compiled;
  }

  private static List<List<CompiledPolicy>> compileLevels(List<List<PolicySource>> levels, PolicyType type)
      throws ScenarioException {
    List<List<CompiledPolicy>> compiled = new ArrayList<>(levels.size());
    for (List<PolicySource> level : levels) {
      compiled.add(compileAll(level, type));
    }
    return compiled;
  }

  private static CompiledPolicy compile(PolicySource source, PolicyType type) throws ScenarioException {
    PolicyDocument document;
    try {
      document = PolicyParser.parse(source.json());
    } catch (PolicyParseException e) {
      throw new ScenarioException(source.label() + " is not a valid policy document: " + e.getMessage(), e);
    }
    for (Finding finding : PolicyValidator.validate(document, type)) {
      if (finding.severity() == Severity.ERROR) {
        throw new ScenarioException(source.label() + " is not a valid " + type.cliName() + " policy: "
            + finding.message() + " at " + finding.path() + " (line " + finding.line() + ", column "
            + finding.column() + ")");
      }
    }
    return PolicyCompiler.compile(document, source.label());
  }
}
