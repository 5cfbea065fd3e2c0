package dev.lanyard.bench.server;

import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.RequestAuthenticator;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.token.SessionTokenVerifier;
import dev.lanyard.sts.token.TokenRejectedException;
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
 * Authorize for a cached session of role {@code BenchReader} (two session tags and an inline
 * session policy), the path the Authorizer takes, without gRPC. {@code decide} is
 * {@code AccessEvaluator.decide} with the {@link Caller} made from the verified session: the
 * principal's cached policy set and state, the request context, the revocation check and the policy
 * engine. {@code verifyCachedAndDecide} adds what an Authorize call with the session token also does
 * first: the token's digest and the verified-session cache read, and the caller built from it.
 * Target (issue 3): at most 2 µs.
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar AuthorizeCachedSessionBenchmark \
 *     -prof gc -prof dev.lanyard.bench.policy.CpuTimeProfiler
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
@State(Scope.Benchmark)
public class AuthorizeCachedSessionBenchmark {

  /** Which decision path to measure. */
  @Param({"ALLOW", "EXPLICIT_DENY", "IMPLICIT_DENY"})
  public Outcome outcome;

  private ServerParts parts;
  private SessionTokenVerifier verifier;
  private String token;
  private Caller caller;
  private AccessEvaluator.Question question;

  /** Mints a session, verifies it once (now cached) and checks the question gets {@link #outcome}. */
  @Setup(Level.Trial)
  public void setUp() throws TokenRejectedException {
    parts = new ServerParts("Ed25519");
    verifier = parts.verifier(SessionTokenVerifier.DEFAULT_CACHE_SIZE);
    token = parts.assume(ServerParts.request(true)).credentials().sessionToken();
    caller = RequestAuthenticator.callerOf(verifier.verify(token), "127.0.0.1");
    question = switch (outcome) {
      // Allowed by the role's policy and by the session policy.
      case ALLOW -> AccessEvaluator.Question.of("s3:GetObject", "arn:aws:s3:::bench-data/reports/2024.csv");
      // Denied by the role's NoDeletes statement.
      case EXPLICIT_DENY -> AccessEvaluator.Question.of("s3:DeleteObject", "arn:aws:s3:::bench-data/a");
      // Allowed by nothing.
      case IMPLICIT_DENY -> AccessEvaluator.Question.of("s3:PutObject", "arn:aws:s3:::bench-data/a");
    };
    Decision decision = verifyCachedAndDecide();
    if (decision.outcome() != outcome) {
      throw new IllegalStateException("expected " + outcome + " but the decision was " + decision.outcome());
    }
  }

  /** Closes the store and deletes its folder. */
  @TearDown(Level.Trial)
  public void tearDown() {
    parts.close();
  }

  /** One decision for the verified session's caller. */
  @Benchmark
  public Decision decide() {
    return parts.access.decide(caller, question);
  }

  /** The cached verification of the session token, the caller, and one decision. */
  @Benchmark
  public Decision verifyCachedAndDecide() throws TokenRejectedException {
    Caller c = RequestAuthenticator.callerOf(verifier.verify(token), "127.0.0.1");
    return parts.access.decide(c, question);
  }
}
