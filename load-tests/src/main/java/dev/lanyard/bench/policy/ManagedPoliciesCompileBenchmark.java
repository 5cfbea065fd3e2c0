package dev.lanyard.bench.policy;

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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parses, validates (as identity policies, without the customer size quota, which AWS managed
 * policies are not bound by) and compiles every AWS managed policy, from the documents' text
 * already in memory. Target (issue 2): under 3 s for all 1,523. Nothing is parsed before the first
 * warm-up iteration, so that iteration is the cold figure (a server's first load); later iterations
 * are warm. Each iteration checks that every document was valid.
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
  private int invalid;
  private String firstInvalid;

  /** Reads the documents (without parsing them, so that the first iteration is cold). */
  @Setup
  public void setUp() throws IOException {
    prepare(ManagedPolicyFile.locate());
  }

  void prepare(Path dataFile) throws IOException {
    List<ManagedPolicySource> read = ManagedPolicyFile.read(dataFile);
    if (read.size() != EXPECTED_POLICIES) {
      throw new IllegalStateException(dataFile + " holds " + read.size() + " policies; expected " + EXPECTED_POLICIES);
    }
    policies = read;
  }

  /** Parse, validate and compile all of them; returns how many compiled. */
  @Benchmark
  public int parseValidateCompileAll(Blackhole blackhole) {
    int compiled = 0;
    for (ManagedPolicySource p : policies) {
      ValidationReport report = PolicyValidator.validate(p.document(), PolicyType.IDENTITY, Integer.MAX_VALUE);
      if (!report.valid()) {
        if (invalid++ == 0) {
          firstInvalid = p.name();
        }
        continue;
      }
      blackhole.consume(PolicyCompiler.compile(report.document(), p.arn()));
      compiled++;
    }
    return compiled;
  }

  /** Fails the run when a document was not valid, so that the figure covers all of them. */
  @TearDown(Level.Iteration)
  public void checkAllValid() {
    if (invalid > 0) {
      throw new IllegalStateException(invalid + " managed policy documents were not valid identity policies, first "
          + firstInvalid + "; the figure would not cover all " + EXPECTED_POLICIES);
    }
  }
}
