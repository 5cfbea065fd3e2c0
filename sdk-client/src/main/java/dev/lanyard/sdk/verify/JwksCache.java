package dev.lanyard.sdk.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The server's published keys, fetched once and kept.
 *
 * <ul>
 *   <li>A key set is used for {@code maxAge}, then fetched again on the next lookup.
 *   <li>An unknown {@code kid} forces a refetch: the server may have rotated its keys.
 *   <li>At most one fetch starts per {@code minRefetchInterval}, whatever the reason (a flood of
 *       tokens with made-up key ids cannot make the verifier hammer the server), and at most one is
 *       in flight: concurrent callers wait for it and share its result.
 *   <li>A failed fetch keeps the last good key set.
 * </ul>
 *
 * Thread-safe; the lookup of a known key in a fresh set takes no lock.
 */
final class JwksCache {
  private final JwksFetcher fetcher;
  private final Duration maxAge;
  private final Duration minRefetchInterval;
  private final Clock clock;
  private final Object lock = new Object();
  private volatile Snapshot snapshot;
  // Guarded by lock.
  private CompletableFuture<Snapshot> inFlight;
  private Instant lastAttempt;
  private String lastFailure;

  JwksCache(JwksFetcher fetcher, Duration maxAge, Duration minRefetchInterval, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval, "minRefetchInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The fetched keys and when they were fetched. */
  private record Snapshot(PublishedKeys keys, Instant fetchedAt) {}

  /** What a lookup found: the key, or why there is none. */
  sealed interface Lookup permits Found, Unknown, Unavailable {}

  /** The key. */
  record Found(VerifyingKey key) implements Lookup {}

  /** Keys are at hand but none has the id, even after a refetch (or a refetch was too soon). */
  record Unknown() implements Lookup {}

  /** No key set could be fetched yet; {@code problem} says why. */
  record Unavailable(String problem) implements Lookup {}

  /** The published key with this id, fetching the key set when it is absent, old or lacks the id. */
  Lookup key(String kid) {
    Snapshot current = snapshot;
    if (current == null || !fresh(current)) {
      current = load();
    }
    if (current != null) {
      Optional<VerifyingKey> key = current.keys().key(kid);
      if (key.isPresent()) {
        return new Found(key.get());
      }
      current = load();
      return current.keys().key(kid).<Lookup>map(Found::new).orElseGet(Unknown::new);
    }
    synchronized (lock) {
      return new Unavailable(lastFailure != null ? lastFailure
          : "the JWKS at " + fetcher.uri() + " has not been fetched yet");
    }
  }

  /** How many keys the current set holds; 0 before the first fetch. */
  int size() {
    Snapshot current = snapshot;
    return current == null ? 0 : current.keys().size();
  }

  private boolean fresh(Snapshot s) {
    return clock.instant().isBefore(s.fetchedAt().plus(maxAge));
  }

  /** The snapshot after a fetch, or the one at hand when a fetch started too recently or failed. */
  private Snapshot load() {
    CompletableFuture<Snapshot> pending;
    boolean mine = false;
    synchronized (lock) {
      if (inFlight != null) {
        pending = inFlight;
      } else {
        Instant now = clock.instant();
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefetchInterval))) {
          return snapshot;
        }
        lastAttempt = now;
        pending = new CompletableFuture<>();
        inFlight = pending;
        mine = true;
      }
    }
    if (mine) {
      fetchInto(pending);
    }
    try {
      return pending.join();
    } catch (CompletionException e) {
      return snapshot;
    }
  }

  /** Fetches on the calling thread; the callers waiting on {@code pending} share the result. */
  private void fetchInto(CompletableFuture<Snapshot> pending) {
    try {
      Snapshot fetched = new Snapshot(fetcher.fetch(), clock.instant());
      synchronized (lock) {
        snapshot = fetched;
        lastFailure = null;
        inFlight = null;
      }
      pending.complete(fetched);
    } catch (RuntimeException e) {
      synchronized (lock) {
        lastFailure = e instanceof IllegalStateException ? e.getMessage()
            : "the JWKS at " + fetcher.uri() + " could not be read (" + e.getClass().getSimpleName() + ")";
        inFlight = null;
      }
      pending.completeExceptionally(e);
    }
  }
}
