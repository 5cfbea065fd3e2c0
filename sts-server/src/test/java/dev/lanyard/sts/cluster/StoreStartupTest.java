package dev.lanyard.sts.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.metrics.ServerMetrics;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreStartupTest {
  private static final ReconnectBackoff FAST = new ReconnectBackoff(Duration.ofMillis(2), Duration.ofMillis(10));
  private final StoreReachability reachability =
      new StoreReachability(new ServerMetrics("n").registry(), "n");

  private static LanyardException unavailable() {
    return new LanyardException(AwsErrorCode.ServiceUnavailable, "the store is unavailable; retry later", true);
  }

  private StoreStartup begin(StoreStartup.Attempt attempt, boolean retry, Runnable onFailure) throws Exception {
    return StoreStartup.begin(attempt, retry, reachability, FAST, new SplittableRandom(3), onFailure, "n");
  }

  @Test
  void aReachableStoreServesOnTheCallersThread() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (StoreStartup s = begin(attempts::incrementAndGet, true, () -> {})) {
      assertTrue(s.serving().toCompletableFuture().isDone());
      assertEquals(1, attempts.get());
      assertTrue(reachability.reachable());
    }
  }

  @Test
  void anUnavailableSharedStoreIsRetriedInTheBackgroundUntilItAnswers() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (StoreStartup s = begin(() -> {
      if (attempts.incrementAndGet() < 4) {
        throw unavailable();
      }
    }, true, () -> {})) {
      assertFalse(reachability.reachable() && attempts.get() < 4);
      s.serving().toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertEquals(4, attempts.get());
      assertTrue(reachability.reachable());
    }
  }

  @Test
  void anUnavailableEmbeddedStoreOrAnyOtherFirstFailureIsThrown() {
    LanyardException down = unavailable();
    assertSame(down, assertThrows(LanyardException.class, () -> begin(() -> {
      throw down;
    }, false, () -> {})));
    LanyardException invalid = new LanyardException(AwsErrorCode.InvalidParameterValue, "store url is bad", false);
    assertSame(invalid, assertThrows(LanyardException.class, () -> begin(() -> {
      throw invalid;
    }, true, () -> {})));
  }

  @Test
  void aFinalFailureInTheBackgroundStopsRetryingAndIsReported() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch reported = new CountDownLatch(1);
    try (StoreStartup s = begin(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw unavailable();
      }
      throw new IllegalStateException("bootstrap file is broken");
    }, true, reported::countDown)) {
      assertTrue(reported.await(5, TimeUnit.SECONDS));
      assertTrue(s.serving().toCompletableFuture().isCompletedExceptionally());
      Thread.sleep(50);
      assertEquals(2, attempts.get());
    }
  }

  @Test
  void closeStopsTheRetries() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    StoreStartup s = begin(() -> {
      attempts.incrementAndGet();
      throw unavailable();
    }, true, () -> failed.set(true));
    Thread.sleep(50);
    s.close();
    int after = attempts.get();
    Thread.sleep(50);
    assertEquals(after, attempts.get());
    assertFalse(s.serving().toCompletableFuture().isDone());
    assertFalse(failed.get());
  }
}
