package dev.lanyard.sts.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before retrying the store: exponential from {@code initial}, capped at
 * {@code max}, with jitter so that the nodes of a cluster do not reconnect in step. Attempt
 * {@code n} (0-based) waits a random time in {@code [d/2, d]}, {@code d = min(max, initial * 2^n)}.
 */
public record ReconnectBackoff(Duration initial, Duration max) {
  /** 100 ms doubling up to 5 s. */
  public static final ReconnectBackoff DEFAULT =
      new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  public ReconnectBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.toMillis() < 1 || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("reconnect backoff: initial must be at least 1 ms and max"
          + " at least initial; got initial " + initial + ", max " + max);
    }
  }

  /** The wait before retry number {@code attempt} (0 for the first retry). */
  public Duration delay(int attempt, RandomGenerator random) {
    long ceiling = max.toMillis();
    long d = initial.toMillis();
    for (int i = 0; i < Math.max(0, attempt) && d < ceiling; i++) {
      d *= 2;
    }
    d = Math.min(d, ceiling);
    long half = d / 2;
    return Duration.ofMillis(half + random.nextLong(d - half + 1));
  }
}
