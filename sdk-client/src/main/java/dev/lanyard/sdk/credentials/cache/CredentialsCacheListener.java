package dev.lanyard.sdk.credentials.cache;

import java.time.Duration;
import java.time.Instant;

/**
 * Hooks for metrics on a {@link CachingCredentialsProvider}. Called on the refreshing thread or the
 * caller's thread; implementations must be fast and must not throw. Nothing passed here holds a
 * secret.
 */
public interface CredentialsCacheListener {

  /** Listens to nothing. */
  CredentialsCacheListener NONE = new CredentialsCacheListener() {};

  /** A refresh started; {@code background} when callers keep being served meanwhile. */
  default void refreshStarted(boolean background) {}

  /** A refresh succeeded; {@code expiration} is {@code null} for credentials that never expire. */
  default void refreshSucceeded(boolean background, Duration took, Instant expiration) {}

  /**
   * A refresh failed.
   *
   * @param failures failures in a row, this one included
   * @param retryAfter no new attempt before this instant
   * @param error what the source said (no secrets)
   */
  default void refreshFailed(boolean background, int failures, Instant retryAfter, RuntimeException error) {}

  /** A caller found the cached credentials stale (or absent) and waited for a refresh. */
  default void callerWaited() {}

  /** A caller was refused at once: nothing usable cached and the source is backing off. */
  default void callerRefusedDuringBackoff(Instant retryAfter) {}
}
