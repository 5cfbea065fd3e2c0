package dev.lanyard.bench.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.policy.eval.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmallPolicyTest {

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void eachRequestTakesTheNamedPath(Outcome outcome) {
    SmallPolicy small = new SmallPolicy();
    assertEquals(outcome, small.request(outcome).verify(small.policies()).outcome());
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void theBenchmarkSetUpAcceptsEachOutcome(Outcome outcome) {
    SmallPolicyBenchmark benchmark = new SmallPolicyBenchmark();
    benchmark.outcome = outcome;
    benchmark.setUp();
  }
}
