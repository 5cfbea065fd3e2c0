package dev.lanyard.policy.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.compile.PolicyCompiler;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.parse.PolicyParser;
import dev.lanyard.policy.testdata.AwsManagedPolicyData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every AWS managed policy compiles, and the compiled form answers smoke questions: a plain
 * unconditional allow of an action on {@code *} is allowed, an action of a made-up service is
 * not, and AdministratorAccess / ReadOnlyAccess / AmazonS3ReadOnlyAccess decide as AWS documents.
 * (Parsing and validation are checked by {@code validate.ManagedPoliciesTest}; both read the data
 * through {@link AwsManagedPolicyData}.)
 */
class ManagedPoliciesCompileTest {
  private static final RequestPrincipal ALICE = RequestPrincipal.fromArn("arn:aws:iam::111122223333:user/alice", null);

  private static Map<String, CompiledPolicy> compiled;
  private static Map<String, PolicyDocument> documents;

  @BeforeAll
  static void compileAll() throws Exception {
    compiled = new LinkedHashMap<>();
    documents = new LinkedHashMap<>();
    for (AwsManagedPolicyData.ManagedPolicy p : AwsManagedPolicyData.load()) {
      PolicyDocument doc = PolicyParser.parse(p.document());
      documents.put(p.name(), doc);
      compiled.put(p.name(), PolicyCompiler.compile(doc, "arn:aws:iam::aws:policy/" + p.name()));
    }
  }

  @Test
  void everyManagedPolicyCompiles() {
    assertEquals(1_523, compiled.size());
    compiled.forEach((name, policy) -> {
      assertEquals("arn:aws:iam::aws:policy/" + name, policy.label());
      assertEquals(documents.get(name).statements().size(), policy.statements().size(), name);
    });
  }

  @Test
  void plainAllowsOnAnyResourceAreAllowed() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, PolicyDocument> e : documents.entrySet()) {
      String action = plainAllowedAction(e.getValue());
      if (action == null) {
        continue;
      }
      checked++;
      Decision d = decide(compiled.get(e.getKey()), action, "*");
      if (d.outcome() != Outcome.ALLOW) {
        failures.add(e.getKey() + " " + action + ": " + d.reason());
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(checked > 300, "only " + checked + " policies had a plain allow to check");
  }

  @Test
  void madeUpServiceIsNeverAllowedExceptByStarOrNotAction() {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, PolicyDocument> e : documents.entrySet()) {
      Decision d = decide(compiled.get(e.getKey()), "lanyardtest:DoSomething", "arn:aws:lanyardtest:us-east-1:111122223333:thing/x");
      boolean mayAllow = e.getValue().statements().stream().anyMatch(s -> s.effect() == Effect.ALLOW && s.action() != null
          && (s.action().negated() || s.action().values().contains("*")));
      if (d.outcome() == Outcome.ALLOW && !mayAllow) {
        failures.add(e.getKey() + ": " + d.reason());
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void wellKnownPoliciesDecideAsDocumented() {
    assertEquals(Outcome.ALLOW, decide(compiled.get("AdministratorAccess"), "iam:CreateUser", "*").outcome());
    assertEquals(Outcome.ALLOW, decide(compiled.get("ReadOnlyAccess"), "s3:GetObject", "arn:aws:s3:::bucket/key").outcome());
    assertEquals(Outcome.IMPLICIT_DENY, decide(compiled.get("ReadOnlyAccess"), "s3:PutObject", "arn:aws:s3:::bucket/key").outcome());
    assertEquals(Outcome.ALLOW, decide(compiled.get("AmazonS3ReadOnlyAccess"), "s3:ListBucket", "arn:aws:s3:::bucket").outcome());
    assertEquals(Outcome.IMPLICIT_DENY, decide(compiled.get("AmazonS3ReadOnlyAccess"), "s3:DeleteBucket", "arn:aws:s3:::bucket").outcome());
    assertEquals(Outcome.IMPLICIT_DENY, decide(compiled.get("AmazonS3ReadOnlyAccess"), "ec2:RunInstances", "*").outcome());
    assertEquals(Outcome.ALLOW, decide(compiled.get("ReadOnlyAccess"), "EC2:DescribeInstances", "*").outcome());
    assertEquals(Outcome.IMPLICIT_DENY, decide(compiled.get("ReadOnlyAccess"), "iam:CreateUser", "*").outcome());
    assertEquals(Outcome.ALLOW, decide(compiled.get("PowerUserAccess"), "s3:PutObject", "arn:aws:s3:::b/k").outcome());
    assertEquals(Outcome.IMPLICIT_DENY, decide(compiled.get("PowerUserAccess"), "iam:CreateUser", "*").outcome());
    assertEquals(Outcome.ALLOW, decide(compiled.get("PowerUserAccess"), "iam:CreateServiceLinkedRole", "*").outcome());
    assertEquals(Outcome.ALLOW, decide(compiled.get("AdministratorAccess"), "anything:AtAll", "arn:aws:x:::y").outcome());
  }

  /** An action named literally in an unconditional Allow on "*", when the policy has no Deny. */
  private static String plainAllowedAction(PolicyDocument doc) {
    if (doc.statements().stream().anyMatch(s -> s.effect() == Effect.DENY)) {
      return null;
    }
    for (Statement s : doc.statements()) {
      if (s.effect() == Effect.ALLOW && s.conditions().isEmpty() && s.action() != null && !s.action().negated()
          && s.resource() != null && !s.resource().negated() && s.resource().values().contains("*")) {
        for (String action : s.action().values()) {
          if (action.indexOf('*') < 0 && action.indexOf('?') < 0) {
            return action;
          }
        }
      }
    }
    return null;
  }

  private static Decision decide(CompiledPolicy policy, String action, String resource) {
    RequestContext context = RequestContext.builder().principalKeys(ALICE).build();
    return Evaluator.evaluate(new AuthorizationRequest(ALICE, action, resource, null, context),
        PolicySet.builder().identityPolicies(List.of(policy)).build());
  }
}
