package dev.lanyard.sdk.credentials.cache;

import dev.lanyard.sdk.credentials.cache.RefreshDecision.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * "Should I refresh now, and how?" as a pure function of the time, the credentials' expiration, the
 * last refresh attempt, the number of failures in a row and a jitter value drawn by the caller. No
 * clock, no randomness, no state: the cache supplies all of them.
 */
public final class RefreshPolicy {
  private final RefreshSettings settings;

  public RefreshPolicy(RefreshSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public RefreshSettings settings() {
    return settings;
  }

  /**
   * The decision when credentials are cached.
   *
   * @param now the current time
   * @param expiration when the cached credentials expire; {@code null} if they never do
   * @param lastAttempt when the last refresh was attempted, or {@code null}
   * @param failures refreshes that failed in a row since the last success
   * @param jitter a value in [0, 1) drawn once per cached value; spreads prefetch and backoff times
   */
  public RefreshDecision decide(Instant now, Instant expiration, Instant lastAttempt, int failures, double jitter) {
    Objects.requireNonNull(now, "now");
    checkJitter(jitter);
    if (expiration == null) {
      return new RefreshDecision(Action.SERVE, Instant.MAX);
    }
    Instant staleAt = staleAt(expiration);
    Instant retryAt = retryAt(lastAttempt, failures, jitter);
    boolean backingOff = retryAt != null && now.isBefore(retryAt);
    if (!now.isBefore(staleAt)) {
      return backingOff
          ? new RefreshDecision(Action.FAIL_UNTIL_BACKOFF_ENDS, retryAt)
          : new RefreshDecision(Action.REFRESH_AND_WAIT, now);
    }
    Instant prefetchAt = prefetchAt(expiration, jitter);
    if (!now.isBefore(prefetchAt)) {
      return backingOff
          ? new RefreshDecision(Action.SERVE, earlier(retryAt, staleAt))
          : new RefreshDecision(Action.REFRESH_IN_BACKGROUND, now);
    }
    return new RefreshDecision(Action.SERVE, prefetchAt);
  }

  /** The decision when nothing usable is cached: fetch, unless backing off after failures. */
  public RefreshDecision decideWithoutCredentials(Instant now, Instant lastAttempt, int failures, double jitter) {
    Objects.requireNonNull(now, "now");
    checkJitter(jitter);
    Instant retryAt = retryAt(lastAttempt, failures, jitter);
    return retryAt != null && now.isBefore(retryAt)
        ? new RefreshDecision(Action.FAIL_UNTIL_BACKOFF_ENDS, retryAt)
        : new RefreshDecision(Action.REFRESH_AND_WAIT, now);
  }

  /** From this instant the credentials are stale and never served. */
  public Instant staleAt(Instant expiration) {
    return expiration.minus(settings.stale());
  }

  /** From this instant a background refresh is due: the prefetch time moved later by the jitter. */
  public Instant prefetchAt(Instant expiration, double jitter) {
    long jitterNanos = (long) (settings.prefetchJitter().toNanos() * jitter);
    return expiration.minus(settings.prefetch()).plusNanos(jitterNanos);
  }

  /**
   * The wait after {@code failures} failures in a row: exponential from the initial backoff, capped,
   * with "equal jitter" (between half and all of it).
   */
  public Duration backoff(int failures, double jitter) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    long initial = settings.initialBackoff().toNanos();
    long max = settings.maxBackoff().toNanos();
    int shift = Math.min(failures - 1, 62);
    long exponential = initial > (max >> shift) ? max : Math.min(max, initial << shift);
    long half = exponential / 2;
    return Duration.ofNanos(half + (long) ((exponential - half) * jitter));
  }

  private Instant retryAt(Instant lastAttempt, int failures, double jitter) {
    if (failures <= 0 || lastAttempt == null) {
      return null;
    }
    return lastAttempt.plus(backoff(failures, jitter));
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static void checkJitter(double jitter) {
    if (!(jitter >= 0.0 && jitter < 1.0)) {
      throw new IllegalArgumentException("jitter: must be in [0, 1), got " + jitter);
    }
  }
}
