package dev.lanyard.sts.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The server's Prometheus metrics, in a registry of its own (several servers can share a JVM in
 * tests). Both front doors record into the same series, labelled by door.
 */
public final class ServerMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Histogram latency;
  private final Counter decisions;
  private final Gauge storeVersion;
  private final Gauge ready;

  public ServerMetrics(String nodeId) {
    requests = Counter.builder().name("lanyard_requests_total")
        .help("Calls by front door, action and AWS error code (\"\" on success).")
        .labelNames("door", "action", "code").register(registry);
    latency = Histogram.builder().name("lanyard_request_duration_seconds")
        .help("Call latency by front door and action.")
        .classicOnly()
        .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
        .labelNames("door", "action").register(registry);
    decisions = Counter.builder().name("lanyard_authorization_decisions_total")
        .help("Authorization decisions by outcome.").labelNames("outcome").register(registry);
    storeVersion = Gauge.builder().name("lanyard_store_version")
        .help("The store change-log version this node has applied.").register(registry);
    ready = Gauge.builder().name("lanyard_ready")
        .help("1 when this node is ready to serve, else 0.").labelNames("node").register(registry);
    ready.labelValues(nodeId).set(0);
    JvmMetrics.builder().register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /** Records one call: {@code code} is the AWS error code, or empty on success. */
  public void recordCall(String door, String action, String code, long nanos) {
    requests.labelValues(door, action, code).inc();
    latency.labelValues(door, action).observe(nanos / 1e9);
  }

  public void recordDecision(String outcome, long count) {
    decisions.labelValues(outcome).inc(count);
  }

  public void storeVersion(long version) {
    storeVersion.set(version);
  }

  public void ready(String nodeId, boolean isReady) {
    ready.labelValues(nodeId).set(isReady ? 1 : 0);
  }
}
