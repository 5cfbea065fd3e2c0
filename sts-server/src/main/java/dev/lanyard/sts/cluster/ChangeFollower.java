package dev.lanyard.sts.cluster;

import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Keeps this node's view of the store current: on PostgreSQL a {@code LISTEN lanyard_changes}
 * connection applies each notified version at once; on every store, a poll of the store version
 * (every {@link #DEFAULT_POLL_INTERVAL}) catches notifications that were missed or never sent. Each
 * new version is applied through the change log: key rings reload when a signing or data key
 * changed, then the {@link StoreVersionTracker} advances so versioned caches recompute.
 *
 * <p>Staleness bound: while the store is reachable, a change committed through another node is
 * applied here within 1 s (poll interval plus one query), typically within milliseconds through
 * NOTIFY. The poll is also the store probe behind {@link StoreReachability}; when the store
 * returns after an outage the next poll catches up on everything committed meanwhile.
 */
public final class ChangeFollower implements AutoCloseable {
  /** How often the store version is polled. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
  private static final Logger LOG = Logger.getLogger(ChangeFollower.class.getName());
  private static final String CHANNEL = "lanyard_changes";

  private final JdbcIamStore store;
  private final ChangeApplier applier;
  private final StoreReachability reachability;
  private final ScheduledExecutorService poller;
  private final ChangeListener listener;

  private ChangeFollower(JdbcIamStore store, ChangeApplier applier, StoreReachability reachability,
      String nodeId, ReconnectBackoff backoff, RandomGenerator random) {
    this.store = store;
    this.applier = applier;
    this.reachability = reachability;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lanyard-change-poll-" + nodeId);
      t.setDaemon(true);
      return t;
    });
    this.listener = store.isPostgres()
        ? new ChangeListener(CHANNEL, store::openDedicatedConnection, this::notified, this::pollNow,
            backoff, random, nodeId)
        : null;
  }

  /**
   * Starts following the store from the version whose effects this node already holds.
   *
   * @param versions the tracker the node's caches are keyed by
   * @param reloadKeys reloads the node's key rings (called on the follower's threads)
   * @param applied told the applied version after each catch-up (the store version metric)
   * @param loadedVersion the store version at or before which the node loaded its key rings
   */
  public static ChangeFollower start(JdbcIamStore store, StoreVersionTracker versions,
      Runnable reloadKeys, LongConsumer applied, StoreReachability reachability, String nodeId,
      long loadedVersion, Duration pollInterval, RandomGenerator random) {
    Objects.requireNonNull(pollInterval, "pollInterval");
    ChangeFollower follower = new ChangeFollower(store,
        new ChangeApplier(store, versions, reloadKeys, applied, loadedVersion), reachability, nodeId,
        ReconnectBackoff.DEFAULT, random);
    long period = Math.max(1, pollInterval.toMillis());
    follower.poller.scheduleWithFixedDelay(follower::pollQuietly, period, period,
        TimeUnit.MILLISECONDS);
    if (follower.listener != null) {
      follower.listener.start();
    }
    return follower;
  }

  /**
   * Reads the store version and applies everything up to it; returns the applied version.
   *
   * @throws RuntimeException {@code ServiceUnavailable} when the store is unreachable (also
   *     recorded in {@link StoreReachability})
   */
  public long pollNow() {
    long version;
    try {
      version = store.currentVersion();
      reachability.succeeded();
    } catch (RuntimeException e) {
      reachability.failed(e);
      throw e;
    }
    return applier.catchUpTo(version);
  }

  private void pollQuietly() {
    try {
      pollNow();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "store version poll failed", e);
    }
  }

  private void notified(long version) {
    try {
      applier.catchUpTo(version);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "applying notified version " + version + " failed; the poll retries", e);
    }
  }

  /** The last change-log version this node has read. */
  public long appliedVersion() {
    return applier.scanned();
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    poller.shutdownNow();
  }
}
