package dev.lanyard.bench.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicyKind;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RealisticPrincipalTest {

  private static RealisticPrincipal principal;

  @BeforeAll
  static void load() throws IOException {
    principal = RealisticPrincipal.load(TestData.managedPolicies());
  }

  @Test
  void readOnlyAccessAndEightCustomerPolicies() {
    assertEquals(9, principal.identityPolicyCount());
    assertEquals("arn:aws:iam::aws:policy/ReadOnlyAccess", principal.policies().identityPolicies().get(0).label());
    assertEquals("arn:aws:iam::aws:policy/PowerUserAccess", principal.policies().permissionsBoundary().label());
    assertEquals(1, principal.policies().sessionPolicies().size());
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void eachRequestTakesTheNamedPath(Outcome outcome) {
    ExpectedDecision expected = principal.request(outcome);
    assertEquals(outcome, expected.verify(principal.policies()).outcome());
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void theBenchmarkSetUpAcceptsEachOutcome(Outcome outcome) throws IOException {
    RealisticPrincipalBenchmark benchmark = new RealisticPrincipalBenchmark();
    benchmark.outcome = outcome;
    benchmark.prepare(TestData.managedPolicies());
  }

  @Test
  void aWrongExpectationIsRefused() {
    AuthorizationRequest allowed = principal.request(Outcome.ALLOW).request();
    ExpectedDecision wrongSid = ExpectedDecision.decidedBy(allowed, Outcome.ALLOW, "ListOwnHomePrefix");
    assertThrows(IllegalStateException.class, () -> wrongSid.verify(principal.policies()));
    ExpectedDecision wrongOutcome = ExpectedDecision.implicitDeny(allowed, PolicyKind.SESSION_POLICY);
    assertThrows(IllegalStateException.class, () -> wrongOutcome.verify(principal.policies()));
  }

  @Test
  void aFederatedUserHasNoUsernameSoUsernamePathsDoNotMatch() {
    AuthorizationRequest byUserid = principal.request(Outcome.ALLOW).request();
    AuthorizationRequest byUsername = new AuthorizationRequest(byUserid.principal(), "s3:PutObject",
        "arn:aws:s3:::corp-home/home/alice/notes.md", null, byUserid.context());
    Decision d = Evaluator.evaluate(byUsername, principal.policies());
    assertEquals(Outcome.IMPLICIT_DENY, d.outcome());
    assertEquals(PolicyKind.IDENTITY_POLICY, d.missingAllow());
  }

  @Test
  void theSourceIpDenyAppliesOutsideTheOfficeNetwork() {
    AuthorizationRequest office = principal.request(Outcome.ALLOW).request();
    var context = dev.lanyard.policy.eval.RequestContext.builder()
        .put("aws:SourceIp", "192.0.2.1")
        .put("aws:ViaAWSService", "false")
        .principalKeys(office.principal())
        .build();
    Decision d = Evaluator.evaluate(
        new AuthorizationRequest(office.principal(), office.action(), office.resource(), null, context),
        principal.policies());
    assertEquals(Outcome.EXPLICIT_DENY, d.outcome());
    assertTrue(d.statements().stream().anyMatch(s -> "DenyOutsideCorporateNetwork".equals(s.sid())), d.toString());
  }
}
