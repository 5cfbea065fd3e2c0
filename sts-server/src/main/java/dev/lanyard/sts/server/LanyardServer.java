package dev.lanyard.sts.server;

import dev.lanyard.sts.cluster.NodeHealth;
import dev.lanyard.sts.cluster.ReconnectBackoff;
import dev.lanyard.sts.cluster.StoreReachability;
import dev.lanyard.sts.cluster.StoreStartup;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.http.HealthHandler;
import dev.lanyard.sts.http.HttpFrontDoor;
import dev.lanyard.sts.http.MetricsHandler;
import dev.lanyard.sts.http.PemServerTls;
import dev.lanyard.sts.metrics.ServerMetrics;
import dev.lanyard.sts.store.IamStore;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/**
 * The composition root of a Lanyard node. It first opens the HTTP port with metrics and
 * {@code /healthz} (so that a node is observable, and reports not-ready, before it can serve), then
 * starts the {@link ServingNode} — store, keys, bootstrap, tokens, authentication, authorisation,
 * gRPC, JWKS and discovery, change follower, upkeep. On a shared (PostgreSQL) store that is
 * unreachable at start, {@link Builder#start()} returns a not-ready node that keeps retrying in the
 * background and serves once it can load its state ({@link #serving()}). Readiness is defined by
 * {@link NodeHealth}. {@link #close()} shuts everything down in order.
 */
public final class LanyardServer implements AutoCloseable {
  private final ServerConfig config;
  private final HttpFrontDoor http;
  private final NodeHealth health;
  private final StoreStartup startup;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile ServingNode node;
  private boolean closed;

  private LanyardServer(Builder b) throws IOException {
    this.config = b.config;
    Files.createDirectories(config.dataDir());
    ServerMetrics metrics = new ServerMetrics(config.nodeId());
    StoreReachability reachability = new StoreReachability(metrics.registry(), config.nodeId());
    HealthStatusManager grpcHealth = new HealthStatusManager();
    this.health = new NodeHealth(config.nodeId(), reachability, grpcHealth, metrics);
    this.http = new HttpFrontDoor(config.bind(), config.httpPort(), 8,
        config.httpTls() ? PemServerTls.load(config.tlsCert(), config.tlsKey()) : null);
    http.route("/metrics", new MetricsHandler(metrics.registry()))
        .route("/healthz", new HealthHandler(health::report));
    http.start();
    ServingNode.Inputs inputs = new ServingNode.Inputs(config, b.clock, b.random, b.environment,
        metrics, reachability, grpcHealth, http);
    try {
      this.startup = StoreStartup.begin(() -> attach(ServingNode.start(inputs)),
          !config.embeddedStore(), reachability, ReconnectBackoff.DEFAULT, b.random, health::failed,
          config.nodeId());
    } catch (IOException | RuntimeException e) {
      http.close();
      throw e;
    } catch (Exception e) {
      http.close();
      throw new IllegalStateException("start-up failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private synchronized void attach(ServingNode started) {
    if (closed) {
      started.close();
      return;
    }
    node = started;
    health.serving(started.versions()::current);
  }

  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  /** Options beyond the config: the clock, randomness and environment (tests inject them). */
  public static final class Builder {
    private final ServerConfig config;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random = new SecureRandom();
    private Map<String, String> environment = System.getenv();

    private Builder(ServerConfig config) {
      this.config = config;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    public Builder random(SecureRandom r) {
      this.random = r;
      return this;
    }

    public Builder environment(Map<String, String> env) {
      this.environment = Map.copyOf(env);
      return this;
    }

    /**
     * Starts the node. Returns once it serves, or — on a shared store unreachable at start — once
     * its HTTP port is up (not ready); see {@link LanyardServer#serving()}.
     *
     * @throws IOException when a port cannot be bound or a file cannot be read
     */
    public LanyardServer start() throws IOException {
      return new LanyardServer(this);
    }
  }

  /** Completes when the node serves gRPC (at once unless the store was unreachable at start). */
  public CompletionStage<Void> serving() {
    return startup.serving();
  }

  /** Whether the node serves (see {@link NodeHealth} for what ready means). */
  public boolean ready() {
    return health.ready();
  }

  /** The gRPC port bound, or the configured one while the node is not serving yet. */
  public int grpcPort() {
    ServingNode n = node;
    return n == null ? config.grpcPort() : n.grpcPort();
  }

  public int httpPort() {
    return http.port();
  }

  /** The store, once the node serves. */
  public IamStore store() {
    return serving("store").store();
  }

  public String primaryAccountId() {
    return serving("primaryAccountId").primaryAccountId();
  }

  /** The root credentials file written at this start, if this start created the root's key. */
  public Optional<Path> rootCredentialsFile() {
    return Optional.ofNullable(serving("rootCredentialsFile").rootCredentialsFile());
  }

  public ServerConfig config() {
    return config;
  }

  private ServingNode serving(String what) {
    ServingNode n = node;
    if (n == null) {
      throw new IllegalStateException(what + ": node " + config.nodeId()
          + " is not serving yet (its store was unreachable at start)");
    }
    return n;
  }

  /**
   * Reports not-ready, stops start-up retries, stops accepting calls and lets calls in flight finish
   * (up to 10 s), then releases everything.
   */
  @Override
  public void close() {
    ServingNode n;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      n = node;
    }
    health.stopping();
    startup.close();
    if (n != null) {
      n.close();
    }
    http.close();
    terminated.countDown();
  }

  /** Blocks until the node is closed. */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }
}
