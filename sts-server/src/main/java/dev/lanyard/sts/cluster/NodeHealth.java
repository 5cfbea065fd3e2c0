package dev.lanyard.sts.cluster;

import dev.lanyard.sts.http.HealthReport;
import dev.lanyard.sts.metrics.ServerMetrics;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * This node's readiness, one definition for {@code /healthz}, the gRPC health service and the
 * {@code lanyard_ready} metric.
 *
 * <ul>
 *   <li>{@code starting} (not ready, HTTP 503): the node has not yet loaded its state from the store
 *       (for example the store was unreachable at start); gRPC is not serving yet.
 *   <li>{@code ok} (ready, 200): serving, and the store answered the last probe.
 *   <li>{@code degraded} (ready, 200): serving from memory because the store is unreachable:
 *       issuing and authorising for cached principals work, writes fail with a retryable
 *       {@code ServiceUnavailable}; the gRPC health service reports {@value #STORE_SERVICE} as
 *       {@code NOT_SERVING} while the overall status stays {@code SERVING}.
 *   <li>{@code failed} (not ready, 503): start-up hit an error that retrying cannot fix.
 *   <li>{@code stopping} (not ready, 503): shutting down.
 * </ul>
 */
public final class NodeHealth {
  /** The gRPC health service name that reports whether the store is reachable. */
  public static final String STORE_SERVICE = "lanyard.store";

  private enum Phase { STARTING, SERVING, FAILED, STOPPING }

  private final String nodeId;
  private final StoreReachability reachability;
  private final HealthStatusManager grpcHealth;
  private final ServerMetrics metrics;
  private volatile Phase phase = Phase.STARTING;
  private volatile LongSupplier appliedVersion = () -> -1;

  public NodeHealth(String nodeId, StoreReachability reachability, HealthStatusManager grpcHealth,
      ServerMetrics metrics) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.reachability = Objects.requireNonNull(reachability, "reachability");
    this.grpcHealth = Objects.requireNonNull(grpcHealth, "grpcHealth");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    grpcHealth.setStatus("", ServingStatus.NOT_SERVING);
    grpcHealth.setStatus(STORE_SERVICE, ServingStatus.NOT_SERVING);
    reachability.onChange(this::storeReachable);
  }

  /** The node loaded its state and serves; {@code applied} reads the store version it has applied. */
  public synchronized void serving(LongSupplier applied) {
    if (phase == Phase.STOPPING) {
      return;
    }
    this.appliedVersion = Objects.requireNonNull(applied, "applied");
    phase = Phase.SERVING;
    grpcHealth.setStatus("", ServingStatus.SERVING);
    storeReachable(reachability.reachable());
    metrics.ready(nodeId, true);
  }

  /** Start-up failed for good. */
  public synchronized void failed() {
    if (phase != Phase.STOPPING) {
      phase = Phase.FAILED;
    }
  }

  /** The node is shutting down: not ready from now on. */
  public synchronized void stopping() {
    phase = Phase.STOPPING;
    metrics.ready(nodeId, false);
    grpcHealth.enterTerminalState();
  }

  public boolean ready() {
    return phase == Phase.SERVING;
  }

  /** What {@code /healthz} answers now. */
  public HealthReport report() {
    Phase p = phase;
    String status = switch (p) {
      case STARTING -> "starting";
      case SERVING -> reachability.reachable() ? "ok" : "degraded";
      case FAILED -> "failed";
      case STOPPING -> "stopping";
    };
    return new HealthReport(p == Phase.SERVING, status, nodeId, appliedVersion.getAsLong());
  }

  private synchronized void storeReachable(boolean reachable) {
    if (phase == Phase.SERVING) {
      grpcHealth.setStatus(STORE_SERVICE,
          reachable ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
    }
  }
}
