package dev.lanyard.sdk.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client retries: attempts per call (at least one per endpoint, so that failover reaches every
 * server) and exponential backoff with full jitter between attempts.
 *
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff the most to wait before the second attempt
 * @param maxBackoff the most to wait before any attempt
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** 3 attempts, backoff up to 100 ms doubling to at most 5 s (the AWS SDKs' standard mode). */
  public static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(100), Duration.ofSeconds(5));

  public RetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts: must be at least 1, got " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "initialBackoff/maxBackoff: need 0 <= initialBackoff <= maxBackoff, got " + initialBackoff + " and " + maxBackoff);
    }
  }

  /** The most to wait before attempt {@code attempt} (2 for the first retry): exponential, capped. */
  Duration backoffCeiling(int attempt) {
    int shift = Math.min(Math.max(attempt - 2, 0), 30);
    long initial = initialBackoff.toNanos();
    long max = maxBackoff.toNanos();
    return Duration.ofNanos(initial > (max >> shift) ? max : Math.min(max, initial << shift));
  }
}
