package dev.lanyard.bench.sdk;

import dev.lanyard.sdk.verify.SessionTokenRejectedException;
import dev.lanyard.sdk.verify.SessionTokenVerifier;
import dev.lanyard.sdk.verify.VerifiedSessionToken;
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

/**
 * Local verification of a real session token (role session with two tags and an inline session
 * policy, from a real node's AssumeRole) with the node's key already cached: parse, header checks,
 * signature, claims, issuer and times. The node is stopped before measurement, so no network is
 * involved. One figure per signing algorithm.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar LocalVerifierBenchmark -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
@State(Scope.Benchmark)
public class LocalVerifierBenchmark {

  /** The node's signing algorithm. */
  @Param({"Ed25519", "ES256"})
  public String algorithm;

  private SessionTokenVerifier verifier;
  private String token;

  /** Mints the token on a real node, fetches its keys once, then stops the node. */
  @Setup
  public void setUp() {
    RealNodeSession session = RealNodeSession.mint(algorithm);
    verifier = session.verifier();
    token = session.token();
  }

  /** One verification of the token. */
  @Benchmark
  public VerifiedSessionToken verify() throws SessionTokenRejectedException {
    return verifier.verify(token);
  }
}
