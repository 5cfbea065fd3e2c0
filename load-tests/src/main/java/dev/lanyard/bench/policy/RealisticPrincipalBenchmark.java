package dev.lanyard.bench.policy;

import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicySet;
import java.io.IOException;
import java.nio.file.Path;
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
 * One decision for the {@link RealisticPrincipal}: AWS {@code ReadOnlyAccess} and eight customer
 * policies, a {@code PowerUserAccess} boundary and a session policy. Targets (issue 2): at most
 * 1 µs and 100 bytes allocated per decision.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar RealisticPrincipalBenchmark -prof gc
 * }</pre>
 *
 * <p>The data file is found as {@link ManagedPolicyFile#locate()} says (run from the repository
 * root, or set {@code LANYARD_TEST_DATA}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Threads(1)
@State(Scope.Benchmark)
public class RealisticPrincipalBenchmark {

  /** Which decision path to measure. */
  @Param({"ALLOW", "EXPLICIT_DENY", "IMPLICIT_DENY"})
  public Outcome outcome;

  private PolicySet policies;
  private AuthorizationRequest request;

  /** Compiles the policies, prepares the request and checks that it takes its path. */
  @Setup
  public void setUp() throws IOException {
    prepare(ManagedPolicyFile.locate());
  }

  void prepare(Path dataFile) throws IOException {
    RealisticPrincipal principal = RealisticPrincipal.load(dataFile);
    ExpectedDecision expected = principal.request(outcome);
    expected.verify(principal.policies());
    policies = principal.policies();
    request = expected.request();
  }

  /** One decision. */
  @Benchmark
  public void decide(Blackhole blackhole) {
    blackhole.consume(Evaluator.evaluate(request, policies));
  }
}
