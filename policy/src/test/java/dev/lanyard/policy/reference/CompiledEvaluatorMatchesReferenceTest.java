package dev.lanyard.policy.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.compile.PolicyCompiler;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.reference.RandomPolicies.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Property: over at least 10,000 random policy sets and requests (seeded, reproducible), the
 * compiled evaluator's outcome equals {@link ReferenceEvaluator}'s. Cases outside the
 * reference's stated scope are generated again, not counted. A mismatch prints the seed, the
 * policies and the request.
 */
class CompiledEvaluatorMatchesReferenceTest {
  private static final long BASE_SEED = 0x1A4A4D5EEDL;
  private static final int REQUIRED = 10_000;
  private static final int MAX_ATTEMPTS = 60_000;

  @Test
  void compiledEvaluatorAgreesWithReference() {
    int compared = 0;
    Map<ReferenceEvaluator.Outcome, Integer> seen = new EnumMap<>(ReferenceEvaluator.Outcome.class);
    for (int attempt = 0; attempt < MAX_ATTEMPTS && compared < REQUIRED; attempt++) {
      long seed = BASE_SEED + attempt;
      Case c = Case.generate(seed);
      ReferenceEvaluator.Outcome expected;
      try {
        expected = ReferenceEvaluator.evaluate(c.facts, c.reference);
      } catch (ReferenceEvaluator.OutOfScope e) {
        continue;
      }
      Decision actual = Evaluator.evaluate(c.request, c.compiled);
      if (!actual.outcome().name().equals(expected.name())) {
        fail("seed " + seed + ": compiled evaluator says " + actual.outcome() + " (" + actual.reason()
            + "), reference says " + expected + "\nrequest: " + c.facts + "\npolicies: " + c.reference);
      }
      seen.merge(expected, 1, Integer::sum);
      compared++;
    }
    assertTrue(compared >= REQUIRED, "only " + compared + " cases were in the reference's scope");
    for (ReferenceEvaluator.Outcome outcome : ReferenceEvaluator.Outcome.values()) {
      assertTrue(seen.getOrDefault(outcome, 0) >= REQUIRED / 20,
          "the generator rarely produces " + outcome + ": " + seen);
    }
  }

  /** One generated case in both forms: model + facts for the reference, compiled for the engine. */
  private record Case(RequestFacts facts, ReferenceEvaluator.Policies reference,
                      AuthorizationRequest request, PolicySet compiled) {

    static Case generate(long seed) {
      RandomPolicies random = new RandomPolicies(seed);
      String principalArn = random.principal();
      boolean session = principalArn.contains(":assumed-role/");
      boolean federated = principalArn.contains(":federated-user/");
      String roleArn = session ? RandomPolicies.ROLE : null;

      List<PolicyDocument> identity = new ArrayList<>();
      for (int i = random.chance(10) ? 0 : 1 + random.upTo(1); i > 0; i--) {
        identity.add(random.policy(Kind.IDENTITY));
      }
      PolicyDocument boundary = random.chance(25) ? random.policy(Kind.IDENTITY) : null;
      PolicyDocument sessionPolicy = (session && random.chance(40)) || (federated && random.chance(70))
          ? random.policy(Kind.IDENTITY) : null;
      PolicyDocument resource = random.chance(40) ? random.policy(Kind.RESOURCE) : null;
      List<List<PolicyDocument>> scps = new ArrayList<>();
      if (random.chance(20)) {
        for (int i = 1 + random.upTo(1); i > 0; i--) {
          scps.add(random.level(Kind.SCP));
        }
      }
      List<List<PolicyDocument>> rcps = new ArrayList<>();
      if (random.chance(15)) {
        rcps.add(random.level(Kind.RCP));
      }

      RequestPrincipal principal = RequestPrincipal.fromArn(principalArn, roleArn);
      RequestContext.Builder builder = RequestContext.builder();
      random.context().forEach((key, values) -> {
        if (key.equalsIgnoreCase("aws:TagKeys")) {
          builder.put(key, values);
        } else {
          builder.put(key, values.get(0));
        }
      });
      RequestContext context = builder.principalKeys(principal).build();
      String action = random.action();
      String resourceArn = random.resource();
      String resourceAccount = random.resourceAccount();

      Map<String, List<String>> contextForReference = new LinkedHashMap<>();
      for (String key : context.keys()) {
        contextForReference.put(key, context.get(key));
      }
      RequestFacts facts = new RequestFacts(principalArn, roleArn, action, resourceArn, resourceAccount, contextForReference);
      ReferenceEvaluator.Policies reference =
          new ReferenceEvaluator.Policies(identity, boundary, sessionPolicy, resource, scps, rcps);

      PolicySet.Builder set = PolicySet.builder()
          .identityPolicies(compileAll(identity, "identityPolicies"))
          .serviceControlPolicies(compileLevels(scps, "serviceControlPolicies"))
          .resourceControlPolicies(compileLevels(rcps, "resourceControlPolicies"));
      if (boundary != null) {
        set.permissionsBoundary(PolicyCompiler.compile(boundary, "permissionsBoundary"));
      }
      if (sessionPolicy != null) {
        set.sessionPolicies(List.of(PolicyCompiler.compile(sessionPolicy, "sessionPolicy")));
      }
      if (resource != null) {
        set.resourcePolicy(PolicyCompiler.compile(resource, "resourcePolicy"));
      }
      AuthorizationRequest request = new AuthorizationRequest(principal, action, resourceArn, resourceAccount, context);
      return new Case(facts, reference, request, set.build());
    }

    private static List<CompiledPolicy> compileAll(List<PolicyDocument> docs, String label) {
      List<CompiledPolicy> out = new ArrayList<>();
      for (int i = 0; i < docs.size(); i++) {
        out.add(PolicyCompiler.compile(docs.get(i), label + "[" + i + "]"));
      }
      return out;
    }

    private static List<List<CompiledPolicy>> compileLevels(List<List<PolicyDocument>> levels, String label) {
      List<List<CompiledPolicy>> out = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        out.add(compileAll(levels.get(i), label + "[" + i + "]"));
      }
      return out;
    }
  }
}
