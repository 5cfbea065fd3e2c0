package dev.lanyard.sts.cluster;

import dev.lanyard.sts.error.LanyardException;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Whether this node can reach its store now, as the last probe found it (the change follower's
 * poll, a start-up attempt). Exported as the gauge {@code lanyard_store_reachable{node}} and told
 * to listeners on every change. Unreachable until the first success. Transitions are logged with
 * the error code only: database messages can quote values.
 */
public final class StoreReachability {
  private static final Logger LOG = Logger.getLogger(StoreReachability.class.getName());

  private final String nodeId;
  private final Gauge gauge;
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean reachable;
  private volatile boolean everReached;

  public StoreReachability(PrometheusRegistry registry, String nodeId) {
    this.nodeId = nodeId;
    this.gauge = Gauge.builder().name("lanyard_store_reachable")
        .help("1 when this node reached its store at the last probe, else 0.")
        .labelNames("node").register(registry);
    gauge.labelValues(nodeId).set(0);
  }

  public boolean reachable() {
    return reachable;
  }

  /** Calls {@code listener} with the new state on every change (on the prober's thread). */
  public void onChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  /** A probe reached the store. */
  public void succeeded() {
    if (!reachable && everReached) {
      LOG.info("node " + nodeId + ": the store is reachable again; catching up on the change log");
    }
    everReached = true;
    set(true);
  }

  /** A probe failed to reach the store. */
  public void failed(RuntimeException cause) {
    if (reachable) {
      String code = cause instanceof LanyardException l ? l.code().name() : cause.getClass().getSimpleName();
      LOG.warning("node " + nodeId + ": the store is unreachable (" + code
          + "); serving from memory, writes fail with ServiceUnavailable until it returns");
    }
    set(false);
  }

  private synchronized void set(boolean now) {
    if (reachable == now) {
      return;
    }
    reachable = now;
    gauge.labelValues(nodeId).set(now ? 1 : 0);
    for (Consumer<Boolean> l : listeners) {
      l.accept(now);
    }
  }
}
