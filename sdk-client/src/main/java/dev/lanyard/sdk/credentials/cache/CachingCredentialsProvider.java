package dev.lanyard.sdk.credentials.cache;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.CredentialsProvider;
import dev.lanyard.sdk.credentials.CredentialsUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * Caches the credentials of a refreshing source and refreshes them ahead of expiry, as the AWS SDKs
 * do. Before the prefetch window callers get the cached credentials: one volatile read and one time
 * comparison, no allocation. In the prefetch window one background refresh runs while callers keep
 * getting the current credentials; if it fails, it is retried with backoff and the current
 * credentials are still served until they are stale. Stale or absent credentials are never served:
 * callers wait for one refresh (one in flight however many callers ask), or fail at once while the
 * source is backing off. Decisions come from {@link RefreshPolicy}.
 */
public final class CachingCredentialsProvider implements CredentialsProvider {
  private final CredentialsProvider source;
  private final Clock clock;
  private final RandomGenerator random;
  private final RefreshPolicy policy;
  private final Executor executor;
  private final CredentialsCacheListener listener;
  private final ReentrantLock refreshLock = new ReentrantLock();
  private final AtomicBoolean backgroundScheduled = new AtomicBoolean();
  private volatile CacheState state;

  private CachingCredentialsProvider(Builder builder) {
    this.source = Objects.requireNonNull(builder.source, "source");
    this.clock = builder.clock;
    this.random = builder.random;
    this.policy = new RefreshPolicy(builder.settings);
    this.executor = builder.executor;
    this.listener = builder.listener;
    this.state = CacheState.empty(random.nextDouble());
  }

  /** A cache with the default settings, system clock and a shared background thread. */
  public static CachingCredentialsProvider of(CredentialsProvider source) {
    return builder(source).build();
  }

  public static Builder builder(CredentialsProvider source) {
    return new Builder(source);
  }

  /** The hot path: the cached credentials while no refresh is due. */
  @Override
  public Credentials resolve() {
    CacheState current = state;
    if (clock.millis() < current.serveUntilMillis()) {
      return current.credentials();
    }
    return resolveSlowly(current);
  }

  private Credentials resolveSlowly(CacheState current) {
    RefreshDecision decision = decide(clock.instant(), current);
    switch (decision.action()) {
      case SERVE:
        return current.credentials();
      case REFRESH_IN_BACKGROUND:
        scheduleBackgroundRefresh();
        return current.credentials();
      case FAIL_UNTIL_BACKOFF_ENDS:
        listener.callerRefusedDuringBackoff(decision.nextCheck());
        throw backingOff(current, decision.nextCheck());
      default:
        listener.callerWaited();
        return refreshAndWait();
    }
  }

  private Credentials refreshAndWait() {
    refreshLock.lock();
    try {
      CacheState current = state;
      Instant now = clock.instant();
      RefreshDecision decision = decide(now, current);
      switch (decision.action()) {
        case SERVE:
        case REFRESH_IN_BACKGROUND: // someone refreshed while we waited for the lock
          return current.credentials();
        case FAIL_UNTIL_BACKOFF_ENDS:
          listener.callerRefusedDuringBackoff(decision.nextCheck());
          throw backingOff(current, decision.nextCheck());
        default:
          return refresh(current, now, false);
      }
    } finally {
      refreshLock.unlock();
    }
  }

  private void scheduleBackgroundRefresh() {
    if (!backgroundScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::refreshInBackground);
    } catch (RejectedExecutionException e) {
      backgroundScheduled.set(false);
    }
  }

  private void refreshInBackground() {
    refreshLock.lock();
    try {
      CacheState current = state;
      Instant now = clock.instant();
      if (decide(now, current).action() == RefreshDecision.Action.REFRESH_IN_BACKGROUND) {
        refresh(current, now, true);
      }
    } catch (RuntimeException e) {
      // recorded in the state and reported to the listener; callers keep the current credentials
    } finally {
      backgroundScheduled.set(false);
      refreshLock.unlock();
    }
  }

  /** Calls the source once; the caller holds the refresh lock. */
  private Credentials refresh(CacheState current, Instant startedAt, boolean background) {
    listener.refreshStarted(background);
    Credentials fresh;
    try {
      fresh = source.resolve();
      Objects.requireNonNull(fresh, "the credentials source returned null");
      Instant finishedAt = clock.instant();
      if (fresh.expiration() != null && !finishedAt.isBefore(fresh.expiration())) {
        throw new CredentialsUnavailableException(
            "the credentials source returned credentials that expired at " + fresh.expiration());
      }
    } catch (RuntimeException e) {
      int failures = current.failures() + 1;
      Instant retryAt = startedAt.plus(policy.backoff(failures, current.jitter()));
      state = withServeUntil(
          new CacheState(current.credentials(), Long.MIN_VALUE, startedAt, failures, current.jitter(), describe(e)),
          startedAt);
      listener.refreshFailed(background, failures, retryAt, e);
      throw e instanceof CredentialsUnavailableException cue ? cue
          : new CredentialsUnavailableException("refreshing credentials failed: " + describe(e), e);
    }
    CacheState next = withServeUntil(
        new CacheState(fresh, Long.MIN_VALUE, startedAt, 0, random.nextDouble(), null), startedAt);
    state = next;
    listener.refreshSucceeded(background, Duration.between(startedAt, clock.instant()), fresh.expiration());
    return fresh;
  }

  /** Sets how long the snapshot may be served without a decision: only while the policy says SERVE. */
  private CacheState withServeUntil(CacheState s, Instant now) {
    if (s.credentials() == null) {
      return s;
    }
    RefreshDecision decision = decide(now, s);
    long until = decision.action() == RefreshDecision.Action.SERVE
        ? toMillis(decision.nextCheck()) : Long.MIN_VALUE;
    return new CacheState(s.credentials(), until, s.lastAttempt(), s.failures(), s.jitter(), s.lastError());
  }

  private RefreshDecision decide(Instant now, CacheState s) {
    return s.credentials() == null
        ? policy.decideWithoutCredentials(now, s.lastAttempt(), s.failures(), s.jitter())
        : policy.decide(now, s.credentials().expiration(), s.lastAttempt(), s.failures(), s.jitter());
  }

  private static CredentialsUnavailableException backingOff(CacheState s, Instant retryAt) {
    return new CredentialsUnavailableException(
        "no fresh credentials: the last " + s.failures() + " refresh(es) failed, the next attempt is not before "
            + retryAt + "; last error: " + s.lastError());
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static long toMillis(Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      return instant.isAfter(Instant.EPOCH) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }

  @Override
  public void close() {
    source.close();
  }

  @Override
  public String toString() {
    return "CachingCredentialsProvider[" + source + "]";
  }

  /** Options of a {@link CachingCredentialsProvider}. */
  public static final class Builder {
    private final CredentialsProvider source;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random;
    private RefreshSettings settings = RefreshSettings.DEFAULTS;
    private Executor executor;
    private CredentialsCacheListener listener = CredentialsCacheListener.NONE;

    private Builder(CredentialsProvider source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where the jitter comes from; default a {@link SecureRandom}. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder settings(RefreshSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Runs background refreshes; default a shared pool of daemon threads. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    public Builder listener(CredentialsCacheListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public CachingCredentialsProvider build() {
      if (random == null) {
        random = new SecureRandom();
      }
      if (executor == null) {
        executor = SharedRefreshThreads.POOL;
      }
      return new CachingCredentialsProvider(this);
    }
  }

  /** Daemon threads for background refreshes, created on first use. */
  private static final class SharedRefreshThreads {
    static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "lanyard-credentials-refresh");
      thread.setDaemon(true);
      return thread;
    });
  }
}
