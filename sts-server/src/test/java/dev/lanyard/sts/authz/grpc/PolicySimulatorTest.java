package dev.lanyard.sts.authz.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.proto.authz.v1.EvaluationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicySimulatorTest {
  static final RequestPrincipal USER = RequestPrincipal.fromArn("arn:aws:iam::111122223333:user/bob", null);

  @Test
  void globMatchesLikeIamActions() {
    assertTrue(PolicySimulator.glob("s3:get*", "s3:getobject"));
    assertTrue(PolicySimulator.glob("*", "ec2:runinstances"));
    assertTrue(PolicySimulator.glob("s3:?etobject", "s3:getobject"));
    assertFalse(PolicySimulator.glob("s3:get*", "s3:putobject"));
    assertFalse(PolicySimulator.glob("s3:get", "s3:getobject"));
  }

  @Test
  void aBoundaryLimitsTheDecisionAndIsReported() {
    SimulatedPolicy identity = SimulatedPolicy.supplied("PolicyInputList.1", "none",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
        PolicyType.IDENTITY);
    SimulatedPolicy boundary = SimulatedPolicy.supplied("PermissionsBoundaryPolicyInputList.1", "none",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
        PolicyType.BOUNDARY);
    List<EvaluationResult> results = PolicySimulator.simulate(new PolicySimulator.Scenario(List.of(identity),
        boundary, null, USER, List.of("s3:GetObject", "iam:CreateUser"), List.of(), null, Map.of()));
    assertEquals("allowed", results.get(0).getEvalDecision());
    assertTrue(results.get(0).getPermissionsBoundaryDecisionDetail().getAllowedByPermissionsBoundary());
    assertEquals("implicitDeny", results.get(1).getEvalDecision());
    assertFalse(results.get(1).getPermissionsBoundaryDecisionDetail().getAllowedByPermissionsBoundary());
  }
}
