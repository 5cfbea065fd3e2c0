package dev.lanyard.sdk.credentials.cache;

import java.time.Instant;
import java.util.Objects;

/**
 * What a cache should do with a request for credentials now, and when to ask again.
 *
 * @param action what to do
 * @param nextCheck until this instant the same inputs give the same answer ({@link Instant#MAX}:
 *     never changes); for {@link Action#SERVE} callers may be served without asking again
 */
public record RefreshDecision(Action action, Instant nextCheck) {

  /** What to do. */
  public enum Action {
    /** Serve the cached credentials; no refresh is due. */
    SERVE,
    /** Serve the cached credentials and start one refresh in the background (prefetch window). */
    REFRESH_IN_BACKGROUND,
    /** The cached credentials are stale or absent: callers wait for one refresh. */
    REFRESH_AND_WAIT,
    /** Stale or absent, and the source failed recently: fail at once until {@code nextCheck}. */
    FAIL_UNTIL_BACKOFF_ENDS
  }

  public RefreshDecision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(nextCheck, "nextCheck");
  }
}
