package dev.lanyard.sdk.credentials.cache;

import dev.lanyard.sdk.credentials.Credentials;
import java.time.Instant;

/**
 * One immutable snapshot of a cache, swapped as a whole. {@code serveUntilMillis} is the hot path's
 * only test: before it, {@code credentials} are served without further thought.
 *
 * @param credentials the cached credentials, or {@code null}
 * @param serveUntilMillis epoch millis before which the credentials may be served as they are
 * @param lastAttempt the last refresh attempt, or {@code null}
 * @param failures refreshes failed in a row
 * @param jitter drawn once per snapshot, in [0, 1)
 * @param lastError the last failure's message (no secrets), or {@code null}
 */
record CacheState(
    Credentials credentials, long serveUntilMillis, Instant lastAttempt, int failures, double jitter,
    String lastError) {

  static CacheState empty(double jitter) {
    return new CacheState(null, Long.MIN_VALUE, null, 0, jitter, null);
  }
}
