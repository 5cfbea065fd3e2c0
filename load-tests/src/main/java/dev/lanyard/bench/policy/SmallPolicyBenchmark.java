package dev.lanyard.bench.policy;

import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicySet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One decision against a single three-statement policy ({@link SmallPolicy}). Target (issue 2): at
 * most 100 ns per decision.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar SmallPolicyBenchmark -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Threads(1)
@State(Scope.Benchmark)
public class SmallPolicyBenchmark {

  /** Which decision path to measure. */
  @Param({"ALLOW", "EXPLICIT_DENY", "IMPLICIT_DENY"})
  public Outcome outcome;

  private PolicySet policies;
  private AuthorizationRequest request;

  /** Compiles the policy, prepares the request and checks that it takes its path. */
  @Setup
  public void setUp() {
    SmallPolicy small = new SmallPolicy();
    ExpectedDecision expected = small.request(outcome);
    expected.verify(small.policies());
    policies = small.policies();
    request = expected.request();
  }

  /** One decision. */
  @Benchmark
  public void decide(Blackhole blackhole) {
    blackhole.consume(Evaluator.evaluate(request, policies));
  }
}
