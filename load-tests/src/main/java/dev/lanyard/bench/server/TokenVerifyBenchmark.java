package dev.lanyard.bench.server;

import dev.lanyard.sts.token.SessionTokenVerifier;
import dev.lanyard.sts.token.TokenRejectedException;
import dev.lanyard.sts.token.VerifiedSession;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Server-side verification of an uncached session token with {@code SessionTokenVerifier}: the
 * token's digest, parse, header checks, signature, claims, issuer and times, and opening the sealed
 * secret. The verifier keeps no verified sessions (cache size 0), and the benchmark cycles through
 * {@value #TOKENS} distinct role-session tokens (two session tags and an inline session policy each)
 * minted in {@code @Setup}, so every operation does the whole work. Target (issue 3): at least
 * 2,500 per second.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar TokenVerifyBenchmark \
 *     -prof gc -prof dev.lanyard.bench.policy.CpuTimeProfiler
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
@State(Scope.Benchmark)
public class TokenVerifyBenchmark {
  static final int TOKENS = 512;

  /** The signing algorithm of the node's key ring. */
  @Param({"Ed25519", "ES256"})
  public String algorithm;

  private ServerParts parts;
  private SessionTokenVerifier verifier;
  private final String[] tokens = new String[TOKENS];
  private int next;

  /** Mints the tokens and checks that each verifies as the role session it is. */
  @Setup(Level.Trial)
  public void setUp() throws TokenRejectedException {
    parts = new ServerParts(algorithm);
    verifier = parts.verifier(0);
    for (int i = 0; i < TOKENS; i++) {
      tokens[i] = parts.assume(ServerParts.request(true)).credentials().sessionToken();
      VerifiedSession session = verifier.verify(tokens[i]);
      if (!ServerParts.ROLE_ARN.equals(session.claims().grant().roleArn())) {
        throw new IllegalStateException("token " + i + " is not a session of " + ServerParts.ROLE_ARN);
      }
    }
  }

  /** Closes the store and deletes its folder. */
  @TearDown(Level.Trial)
  public void tearDown() {
    parts.close();
  }

  /** One uncached verification of the next token. */
  @Benchmark
  public VerifiedSession verify() throws TokenRejectedException {
    int i = next;
    next = i + 1 == TOKENS ? 0 : i + 1;
    return verifier.verify(tokens[i]);
  }
}
