package dev.lanyard.sdk.credentials.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.CredentialsProvider;
import dev.lanyard.sdk.credentials.CredentialsUnavailableException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingCredentialsProviderTest {
  private static final Instant START = Instant.parse("2026-05-01T12:00:00Z");
  private static final Duration LIFETIME = Duration.ofHours(1);

  private final MutableClock clock = new MutableClock(START);
  private final ManualExecutor background = new ManualExecutor();
  private final CountingSource source = new CountingSource();
  private final RecordingListener listener = new RecordingListener();
  private final ExecutorService threads = Executors.newFixedThreadPool(64);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** Jitter 0: prefetch at exactly 5 minutes before expiry; backoff half of the ceiling. */
  private CachingCredentialsProvider cache() {
    return CachingCredentialsProvider.builder(source)
        .clock(clock).random(() -> 0L).executor(background).listener(listener).build();
  }

  @Test
  void fetchesOnceAndServesFromTheCacheUntilThePrefetchWindow() {
    CachingCredentialsProvider cache = cache();
    Credentials first = cache.resolve();
    clock.advance(Duration.ofMinutes(54));
    for (int i = 0; i < 1000; i++) {
      assertSame(first, cache.resolve());
    }
    assertEquals(1, source.calls.get());
    assertEquals(0, background.size());
  }

  @Test
  void inThePrefetchWindowOneBackgroundRefreshRunsWhileCallersGetTheCurrentCredentials() {
    CachingCredentialsProvider cache = cache();
    Credentials first = cache.resolve();
    clock.advance(LIFETIME.minusMinutes(5));
    for (int i = 0; i < 10; i++) {
      assertSame(first, cache.resolve());
    }
    assertEquals(1, background.size(), "one background refresh scheduled however often callers ask");
    assertEquals(1, source.calls.get(), "nobody waited for the source");
    background.runAll();
    assertEquals(2, source.calls.get());
    Credentials second = cache.resolve();
    assertNotSame(first, second);
    assertEquals(clock.instant().plus(LIFETIME), second.expiration());
    assertEquals(List.of("started:false", "succeeded:false", "started:true", "succeeded:true"), listener.events);
  }

  @Test
  void staleCredentialsAreNeverServed() {
    CachingCredentialsProvider cache = cache();
    Credentials first = cache.resolve();
    source.failing = true;
    clock.set(first.expiration().minusSeconds(60));
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class, cache::resolve);
    assertTrue(e.getMessage().contains("STS is down"), e.getMessage());
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofMillis(700));
      assertThrows(CredentialsUnavailableException.class, cache::resolve);
    }
    source.failing = false;
    clock.advance(Duration.ofMinutes(1));
    Credentials fresh = cache.resolve();
    assertNotSame(first, fresh);
    assertTrue(fresh.expiration().isAfter(clock.instant().plusSeconds(60)));
  }

  @Test
  void aFailingSourceIsRetriedWithExponentialBackoff() {
    source.failing = true;
    CachingCredentialsProvider cache = cache();
    assertThrows(CredentialsUnavailableException.class, cache::resolve);
    assertEquals(1, source.calls.get());
    CredentialsUnavailableException refused = assertThrows(CredentialsUnavailableException.class, cache::resolve);
    assertTrue(refused.getMessage().contains("next attempt is not before"), refused.getMessage());
    assertTrue(refused.getMessage().contains("STS is down"), refused.getMessage());
    assertEquals(1, source.calls.get(), "refused during backoff without calling the source");
    clock.advance(Duration.ofMillis(499));
    assertThrows(CredentialsUnavailableException.class, cache::resolve);
    assertEquals(1, source.calls.get());
    clock.advance(Duration.ofMillis(1)); // first backoff: 0.5 s
    assertThrows(CredentialsUnavailableException.class, cache::resolve);
    assertEquals(2, source.calls.get());
    clock.advance(Duration.ofMillis(999)); // second backoff: 1 s
    assertThrows(CredentialsUnavailableException.class, cache::resolve);
    assertEquals(2, source.calls.get());
    clock.advance(Duration.ofMillis(1));
    assertThrows(CredentialsUnavailableException.class, cache::resolve);
    assertEquals(3, source.calls.get());
    source.failing = false;
    clock.advance(Duration.ofSeconds(2));
    cache.resolve();
    assertEquals(4, source.calls.get());
    assertTrue(listener.refusals.get() >= 3, "refusals reported: " + listener.refusals.get());
  }

  @Test
  void servesValidCredentialsThroughAnOutageUntilTheyAreStaleThenResumesOnItsOwn() {
    CachingCredentialsProvider cache = cache();
    Credentials first = cache.resolve();
    source.failing = true;
    clock.advance(LIFETIME.minusMinutes(5));
    int attempts = 0;
    while (clock.instant().isBefore(first.expiration().minusSeconds(60))) {
      assertSame(first, cache.resolve(), "valid credentials keep being served at " + clock.instant());
      attempts += background.runAll();
      clock.advance(Duration.ofSeconds(1));
    }
    assertTrue(attempts >= 5 && attempts <= 20, "background retries with backoff, got " + attempts);
    assertEquals(attempts + 1, source.calls.get());
    assertThrows(CredentialsUnavailableException.class, cache::resolve, "stale: refused");
    source.failing = false;
    clock.advance(Duration.ofSeconds(30));
    Credentials recovered = cache.resolve();
    assertNotSame(first, recovered);
    assertTrue(listener.failures.get() >= attempts);
  }

  @Test
  void sixtyFourThreadsWaitingOnStaleCredentialsCauseExactlyOneSourceCall() throws Exception {
    CachingCredentialsProvider cache = cache();
    Credentials first = cache.resolve();
    clock.set(first.expiration().minusSeconds(30));
    source.gate = new CountDownLatch(1);
    CountDownLatch ready = new CountDownLatch(64);
    List<Future<Credentials>> results = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      results.add(threads.submit(() -> {
        ready.countDown();
        return cache.resolve();
      }));
    }
    assertTrue(ready.await(10, TimeUnit.SECONDS));
    assertTrue(source.entered.await(10, TimeUnit.SECONDS));
    Thread.sleep(100); // let the others pile up behind the refresh
    source.gate.countDown();
    Set<Credentials> seen = ConcurrentHashMap.newKeySet();
    for (Future<Credentials> result : results) {
      seen.add(result.get(10, TimeUnit.SECONDS));
    }
    assertEquals(2, source.calls.get(), "one initial fetch and exactly one refresh");
    assertEquals(1, seen.size());
    assertNotSame(first, seen.iterator().next());
  }

  @Test
  void sixtyFourThreadsInThePrefetchWindowAreServedAtOnceWhileOneRefreshRuns() throws Exception {
    ExecutorService refresher = Executors.newSingleThreadExecutor();
    try {
      CachingCredentialsProvider cache = CachingCredentialsProvider.builder(source)
          .clock(clock).random(() -> 0L).executor(refresher).build();
      Credentials first = cache.resolve();
      clock.set(first.expiration().minus(Duration.ofMinutes(3)));
      source.gate = new CountDownLatch(1);
      List<Future<Credentials>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(threads.submit(cache::resolve));
      }
      for (Future<Credentials> result : results) {
        assertSame(first, result.get(10, TimeUnit.SECONDS), "served without waiting for the refresh");
      }
      assertTrue(source.entered.await(10, TimeUnit.SECONDS));
      source.gate.countDown();
      refresher.shutdown();
      assertTrue(refresher.awaitTermination(10, TimeUnit.SECONDS));
      assertEquals(2, source.calls.get());
      assertNotSame(first, cache.resolve());
    } finally {
      refresher.shutdownNow();
    }
  }

  @Test
  void credentialsThatArriveExpiredCountAsAFailure() {
    source.lifetime = Duration.ZERO;
    CachingCredentialsProvider cache = cache();
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class, cache::resolve);
    assertTrue(e.getMessage().contains("expired"), e.getMessage());
  }

  @Test
  void nonExpiringCredentialsAreFetchedOnce() {
    source.lifetime = null;
    CachingCredentialsProvider cache = cache();
    Credentials first = cache.resolve();
    clock.advance(Duration.ofDays(3650));
    assertSame(first, cache.resolve());
    assertEquals(1, source.calls.get());
  }

  @Test
  void theHotPathAllocatesNothing() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    source.lifetime = Duration.ofDays(1);
    clock.set(Instant.now()); // the source stamps expirations with the test clock; the cache reads the real one
    CachingCredentialsProvider cache = CachingCredentialsProvider.builder(source).clock(Clock.systemUTC()).build();
    cache.resolve();
    long sink = 0;
    for (int i = 0; i < 200_000; i++) {
      sink += cache.resolve().accessKeyId().length();
    }
    long thread = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 1_000_000; i++) {
      sink += cache.resolve().accessKeyId().length();
    }
    long allocated = mx.getThreadAllocatedBytes(thread) - before;
    assertTrue(sink > 0);
    assertTrue(allocated < 10_000, "a million cached resolves allocated " + allocated + " bytes");
  }

  /** Hands out numbered session credentials living {@code lifetime} from the clock's now. */
  private final class CountingSource implements CredentialsProvider {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile boolean failing;
    volatile CountDownLatch gate;
    volatile Duration lifetime = LIFETIME;

    @Override
    public Credentials resolve() {
      int n = calls.incrementAndGet();
      entered.countDown();
      CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failing) {
        throw new CredentialsUnavailableException("AssumeRole: ServiceUnavailable: STS is down");
      }
      Instant expiration = lifetime == null ? null : clock.instant().plus(lifetime);
      return new Credentials(String.format("ASIATESTKEY%09d", n), "secret-" + n, lifetime == null ? null : "token-" + n,
          expiration);
    }
  }

  /** Runs background tasks only when told. */
  private static final class ManualExecutor implements java.util.concurrent.Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    synchronized int size() {
      return tasks.size();
    }

    int runAll() {
      int ran = 0;
      Runnable task;
      while ((task = poll()) != null) {
        task.run();
        ran++;
      }
      return ran;
    }

    private synchronized Runnable poll() {
      return tasks.poll();
    }
  }

  private static final class RecordingListener implements CredentialsCacheListener {
    final List<String> events = new ArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger refusals = new AtomicInteger();

    @Override
    public synchronized void refreshStarted(boolean background) {
      events.add("started:" + background);
    }

    @Override
    public synchronized void refreshSucceeded(boolean background, Duration took, Instant expiration) {
      events.add("succeeded:" + background);
    }

    @Override
    public void refreshFailed(boolean background, int failures, Instant retryAfter, RuntimeException error) {
      this.failures.incrementAndGet();
    }

    @Override
    public void callerRefusedDuringBackoff(Instant retryAfter) {
      refusals.incrementAndGet();
    }
  }
}
