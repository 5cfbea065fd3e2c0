package dev.lanyard.bench.sdk;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.CredentialsProvider;
import dev.lanyard.sdk.credentials.cache.CachingCredentialsProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resolving credentials that the {@link CachingCredentialsProvider} holds and that are far from
 * their prefetch window, on the system clock: the call every signed request makes. Target (issue
 * 5): at most 50 ns and no allocation per call ({@code gc.alloc.rate.norm} = 0 B/op with {@code
 * -prof gc}).
 *
 * <pre>{@code
 * cd /work/main && mvn -B -o -q -pl load-tests -am package -Dmaven.test.skip=true
 * java -jar load-tests/target/benchmarks.jar CachedCredentialsBenchmark -prof gc
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
@State(Scope.Benchmark)
public class CachedCredentialsBenchmark {
  private final AtomicInteger sourceCalls = new AtomicInteger();
  private CachingCredentialsProvider cache;

  /** Session credentials valid for 12 hours, fetched once; throws unless the cache then serves them. */
  @Setup
  public void setUp() {
    Credentials session = Credentials.session("ASIABENCHMARKKEYAAAA", "benchsecretaccesskey0123456789abcdefghij",
        "bench-session-token", Instant.now().plus(Duration.ofHours(12)));
    CredentialsProvider source = () -> {
      sourceCalls.incrementAndGet();
      return session;
    };
    cache = CachingCredentialsProvider.builder(source).clock(Clock.systemUTC()).build();
    for (int i = 0; i < 1_000; i++) {
      if (cache.resolve() != session) {
        throw new IllegalStateException("the cache did not serve the source's credentials");
      }
    }
    if (sourceCalls.get() != 1) {
      throw new IllegalStateException("the source was called " + sourceCalls.get()
          + " times; a warm cache calls it once");
    }
  }

  /** Throws if the measured calls reached the source: then the benchmark measured a refresh. */
  @TearDown
  public void checkNoRefresh() {
    if (sourceCalls.get() != 1) {
      throw new IllegalStateException("the source was called during measurement");
    }
    cache.close();
  }

  /** One resolve of cached credentials. */
  @Benchmark
  public Credentials resolve() {
    return cache.resolve();
  }

  /** How many times the source was called; for the benchmark's own test. */
  int sourceCalls() {
    return sourceCalls.get();
  }
}
