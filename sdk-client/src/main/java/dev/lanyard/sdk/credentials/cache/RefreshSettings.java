package dev.lanyard.sdk.credentials.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * When a cache refreshes: the prefetch window (refresh in the background this long before expiry),
 * the stale window (credentials this close to expiry are never served; callers wait for a refresh),
 * the most jitter added to the prefetch time, and the backoff while the source fails.
 *
 * @param prefetch background refresh starts this long before expiry (AWS SDKs: 5 minutes)
 * @param stale credentials this close to expiry are stale (AWS SDKs: 1 minute)
 * @param prefetchJitter the prefetch time moves later by up to this much, so that many clients
 *     do not refresh together; at most {@code prefetch - stale}
 * @param initialBackoff the wait after the first failed refresh
 * @param maxBackoff the longest wait between failed refreshes
 */
public record RefreshSettings(
    Duration prefetch, Duration stale, Duration prefetchJitter, Duration initialBackoff, Duration maxBackoff) {

  /** 5 minutes prefetch, 1 minute stale, up to 1 minute jitter, backoff 1 s doubling to 30 s. */
  public static final RefreshSettings DEFAULTS = new RefreshSettings(
      Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1),
      Duration.ofSeconds(1), Duration.ofSeconds(30));

  public RefreshSettings {
    requirePositiveOrZero(prefetch, "prefetch");
    requirePositiveOrZero(stale, "stale");
    requirePositiveOrZero(prefetchJitter, "prefetchJitter");
    requirePositiveOrZero(initialBackoff, "initialBackoff");
    requirePositiveOrZero(maxBackoff, "maxBackoff");
    if (stale.compareTo(prefetch) > 0) {
      throw new IllegalArgumentException(
          "stale: must not be longer than prefetch (" + prefetch + "), got " + stale);
    }
    if (prefetchJitter.compareTo(prefetch.minus(stale)) > 0) {
      throw new IllegalArgumentException(
          "prefetchJitter: must be at most prefetch - stale (" + prefetch.minus(stale) + "), got " + prefetchJitter);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff: must be at least initialBackoff (" + initialBackoff + "), got " + maxBackoff);
    }
  }

  private static void requirePositiveOrZero(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + ": must be zero or positive, got " + value);
    }
  }
}
