package dev.lanyard.sts.cluster;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Brings a node to serving when its store may not be reachable yet. The first attempt runs on the
 * caller's thread; when it fails because a shared store is unavailable ({@code ServiceUnavailable},
 * retryable) further attempts run on a background thread with {@link ReconnectBackoff} until one
 * succeeds or {@link #close()} is called. Any other failure is final: on the first attempt it is
 * thrown to the caller, later it is logged and reported to {@code onFailure}.
 */
public final class StoreStartup implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StoreStartup.class.getName());

  /** One attempt to open the store, load the node's state and start serving. */
  @FunctionalInterface
  public interface Attempt {
    /**
     * @throws LanyardException {@code ServiceUnavailable} when the store is unreachable (nothing
     *     may be left open then); anything else ends the start-up
     */
    void run() throws Exception;
  }

  private final Attempt attempt;
  private final StoreReachability reachability;
  private final ReconnectBackoff backoff;
  private final RandomGenerator random;
  private final Runnable onFailure;
  private final CompletableFuture<Void> serving = new CompletableFuture<>();
  private volatile Thread retrier;
  private volatile boolean closed;

  private StoreStartup(Attempt attempt, StoreReachability reachability, ReconnectBackoff backoff,
      RandomGenerator random, Runnable onFailure) {
    this.attempt = Objects.requireNonNull(attempt, "attempt");
    this.reachability = Objects.requireNonNull(reachability, "reachability");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.random = Objects.requireNonNull(random, "random");
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
  }

  /**
   * Runs the first attempt now; retries in the background while the store is unavailable and
   * {@code retryUnavailable} (a shared store: another process may bring it back).
   *
   * @throws Exception the first attempt's failure when it is final
   */
  public static StoreStartup begin(Attempt attempt, boolean retryUnavailable,
      StoreReachability reachability, ReconnectBackoff backoff, RandomGenerator random,
      Runnable onFailure, String nodeId) throws Exception {
    StoreStartup startup = new StoreStartup(attempt, reachability, backoff, random, onFailure);
    try {
      startup.once();
    } catch (LanyardException e) {
      if (!retryUnavailable || !unavailable(e)) {
        throw e;
      }
      LOG.warning("node " + nodeId + ": the store is unavailable at start (" + e.code()
          + "); not ready, retrying in the background");
      Thread t = new Thread(startup::retry, "lanyard-store-startup-" + nodeId);
      t.setDaemon(true);
      startup.retrier = t;
      t.start();
    }
    return startup;
  }

  /** Completes when the node serves. */
  public CompletionStage<Void> serving() {
    return serving;
  }

  private void once() throws Exception {
    try {
      attempt.run();
    } catch (LanyardException e) {
      if (unavailable(e)) {
        reachability.failed(e);
      }
      throw e;
    }
    reachability.succeeded();
    serving.complete(null);
  }

  private void retry() {
    for (int n = 0; !closed; n++) {
      try {
        Thread.sleep(backoff.delay(n, random).toMillis());
        if (closed) {
          return;
        }
        once();
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (LanyardException e) {
        if (!unavailable(e)) {
          fail(e);
          return;
        }
      } catch (Exception e) {
        fail(e);
        return;
      }
    }
  }

  private void fail(Exception e) {
    String what = e instanceof LanyardException l ? l.code().name() : e.getClass().getSimpleName();
    LOG.log(Level.SEVERE, "start-up failed (" + what + "); this node will not serve", e);
    serving.completeExceptionally(e);
    onFailure.run();
  }

  private static boolean unavailable(LanyardException e) {
    return e.code() == AwsErrorCode.ServiceUnavailable && e.retryable();
  }

  /** Stops retrying and waits (up to 10 s) for an attempt in progress to end. */
  @Override
  public void close() {
    closed = true;
    Thread t = retrier;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
