package dev.lanyard.bench.server;

import dev.lanyard.sts.session.AssumeRoleInput;
import dev.lanyard.sts.session.AssumeRoleResult;
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
 * One AssumeRole result minted without the network, through {@code AssumeRoleOperation.assumeRole}
 * for a cached principal (IAM user {@code bench}, its policies and the role's trust policy already
 * compiled): parameter checks, the role from the store, the trust decision, the session grant, a
 * fresh ASIA key and secret, the sealed secret and the signed JWT. {@code plain} asks for the role
 * only; {@code tagsAndPolicy} adds two session tags (one transitive) and an inline session policy.
 * Target (issue 3): at least 5,000 per second on one core (JDK 17).
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar AssumeRoleMintBenchmark \
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
public class AssumeRoleMintBenchmark {

  /** The signing algorithm of the node's key ring. */
  @Param({"Ed25519", "ES256"})
  public String algorithm;

  /** The request's shape. */
  @Param({"plain", "tagsAndPolicy"})
  public String request;

  private ServerParts parts;
  private AssumeRoleInput input;

  /** Builds the node's parts, mints once and checks the token verifies as the role session asked for. */
  @Setup(Level.Trial)
  public void setUp() throws TokenRejectedException {
    parts = new ServerParts(algorithm);
    boolean tagged = switch (request) {
      case "plain" -> false;
      case "tagsAndPolicy" -> true;
      default -> throw new IllegalArgumentException("request: '" + request + "'; plain or tagsAndPolicy");
    };
    input = ServerParts.request(tagged);
    AssumeRoleResult result = parts.assume(input);
    VerifiedSession session = parts.verifier(0).verify(result.credentials().sessionToken());
    String expectedArn = "arn:aws:sts::" + ServerParts.ACCOUNT + ":assumed-role/BenchReader/bench-session";
    if (!result.arn().equals(expectedArn) || !session.claims().grant().principalArn().equals(expectedArn)
        || session.claims().grant().tags().isEmpty() == tagged) {
      throw new IllegalStateException("AssumeRole did not mint the " + request + " session of BenchReader: "
          + result.arn());
    }
  }

  /** Closes the store and deletes its folder. */
  @TearDown(Level.Trial)
  public void tearDown() {
    parts.close();
  }

  /** One AssumeRole. */
  @Benchmark
  public AssumeRoleResult assumeRole() {
    return parts.assume(input);
  }
}
