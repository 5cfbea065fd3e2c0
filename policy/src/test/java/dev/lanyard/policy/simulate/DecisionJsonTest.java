package dev.lanyard.policy.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.policy.eval.DecidingStatement;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicyKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {

  @Test
  void allowLineWithAndWithoutSid() {
    Decision d = new Decision(Outcome.ALLOW,
        List.of(new DecidingStatement("identityPolicies[0]", 2, "ReadOnly"), new DecidingStatement("resourcePolicy", 0, null)),
        null, "Allowed.");
    assertEquals("{\"decision\":\"Allow\",\"statements\":[{\"policy\":\"identityPolicies[0]\",\"statement\":2,\"sid\":\"ReadOnly\"},"
        + "{\"policy\":\"resourcePolicy\",\"statement\":0}],\"reason\":\"Allowed.\"}", DecisionJson.line(d));
  }

  @Test
  void denyNames() {
    assertEquals("ExplicitDeny", DecisionJson.decisionName(new Decision(Outcome.EXPLICIT_DENY, List.of(), null, "x")));
    Decision implicit = new Decision(Outcome.IMPLICIT_DENY, List.of(), PolicyKind.IDENTITY_POLICY, "Say \"no\".");
    assertEquals("{\"decision\":\"ImplicitDeny\",\"statements\":[],\"reason\":\"Say \\\"no\\\".\"}", DecisionJson.line(implicit));
  }

  @Test
  void errorLineEscapes() {
    assertEquals("{\"error\":\"bad \\\"x\\\"\\nline\"}", DecisionJson.errorLine("bad \"x\"\nline"));
  }
}
