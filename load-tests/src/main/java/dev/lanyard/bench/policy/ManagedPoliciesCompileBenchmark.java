package dev.lanyard.bench.policy;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.compile.PolicyCompiler;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.policy.validate.PolicyValidator;
import dev.lanyard.policy.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses, validates (as identity policies, without the customer size quota, which AWS managed
 * policies are not bound by) and compiles every AWS managed policy, from the documents' text
 * already in memory. Target (issue 2): under 3 s for all 1,523. The first warm-up iteration is the
 * cold figure (a server's first load); later iterations are warm.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar ManagedPoliciesCompileBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Threads(1)
@State(Scope.Benchmark)
public class ManagedPoliciesCompileBenchmark {

  /** The number of AWS managed policies in the data file (issue 2). */
  static final int EXPECTED_POLICIES = 1_523;

  private List<ManagedPolicySource> policies;

  /** Reads the documents and checks once that every one is valid and compiles. */
  @Setup
  public void setUp() throws IOException {
    prepare(ManagedPolicyFile.locate());
  }

  void prepare(Path dataFile) throws IOException {
    List<ManagedPolicySource> read = ManagedPolicyFile.read(dataFile);
    if (read.size() != EXPECTED_POLICIES) {
      throw new IllegalStateException(dataFile + " holds " + read.size() + " policies; expected " + EXPECTED_POLICIES);
    }
    for (ManagedPolicySource p : read) {
      CheckedCompiler.compile(p.document(), PolicyType.IDENTITY, Integer.MAX_VALUE, p.arn());
    }
    policies = read;
  }

  /** Parse, validate and compile all of them. */
  @Benchmark
  public void parseValidateCompileAll(Blackhole blackhole) {
    for (ManagedPolicySource p : policies) {
      ValidationReport report = PolicyValidator.validate(p.document(), PolicyType.IDENTITY, Integer.MAX_VALUE);
      CompiledPolicy compiled = PolicyCompiler.compile(report.document(), p.arn());
      blackhole.consume(report);
      blackhole.consume(compiled);
    }
  }
}
