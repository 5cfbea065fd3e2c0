package dev.lanyard.sts.server;

import dev.lanyard.sts.audit.AuditLog;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.audit.JsonLinesAuditLog;
import dev.lanyard.sts.auth.LongTermKeys;
import dev.lanyard.sts.auth.RequestAuthenticator;
import dev.lanyard.sts.auth.SigV4ServerInterceptor;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.AuthorizationMessages;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.authz.PrincipalPolicies;
import dev.lanyard.sts.authz.RequestContextFactory;
import dev.lanyard.sts.bootstrap.BootstrapApplier;
import dev.lanyard.sts.bootstrap.BootstrapReader;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.grpc.ErrorMappingInterceptor;
import dev.lanyard.sts.grpc.RequestIdInterceptor;
import dev.lanyard.sts.http.DiscoveryDocument;
import dev.lanyard.sts.http.HealthHandler;
import dev.lanyard.sts.http.HealthReport;
import dev.lanyard.sts.http.HttpFrontDoor;
import dev.lanyard.sts.http.MetricsHandler;
import dev.lanyard.sts.http.StaticJsonHandler;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.keys.persistence.StoreKeyRingRepository;
import dev.lanyard.sts.keys.persistence.StoreRotationLock;
import dev.lanyard.sts.metrics.ServerMetrics;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.token.SessionTokenIssuer;
import dev.lanyard.sts.token.SessionTokenVerifier;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The composition root: builds every part of a Lanyard node from its {@link ServerConfig} and runs
 * it — store, key-encryption key, key ring and its rotation, bootstrap, root credentials, token
 * issuing and verification, authentication, authorisation, the gRPC services (signed), health and
 * reflection, the HTTP port (JWKS, discovery, metrics, health) and background upkeep. {@link #close()}
 * shuts everything down in order.
 */
public final class LanyardServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LanyardServer.class.getName());

  private final ServerConfig config;
  private final IamStore store;
  private final Server grpc;
  private final HttpFrontDoor http;
  private final ScheduledExecutorService upkeep;
  private final AuditLog audit;
  private final HealthStatusManager health;
  private final ServerMetrics metrics;
  private final StoreVersionTracker versions;
  private final String primaryAccountId;
  private final Path rootCredentialsFile;
  private volatile boolean ready;

  private LanyardServer(Builder b) throws IOException {
    this.config = b.config;
    Clock clock = b.clock;
    SecureRandom random = b.random;
    Files.createDirectories(config.dataDir());

    KeyEncryptionKey kek = KeyEncryptionKey.resolve(b.environment, config.kekFile(), random);
    JdbcStoreConfig storeConfig = (config.embeddedStore()
        ? JdbcStoreConfig.embedded(config.dataDir())
        : JdbcStoreConfig.of(config.storeUrl())).withPartition(config.partition());
    JdbcIamStore jdbcStore = JdbcIamStore.open(storeConfig, new SecretSealer(kek, random), clock, random);
    this.store = jdbcStore;
    this.versions = new StoreVersionTracker(store::currentVersion);
    this.metrics = new ServerMetrics(config.nodeId());
    this.audit = JsonLinesAuditLog.open(config.auditLog());
    CallRecorder recorder = new CallRecorder(audit, metrics, clock, config.nodeId());

    // Keys: rotate (or create the first ring) before serving.
    StoreKeyRingRepository keyRepository = new StoreKeyRingRepository(store);
    LiveKeyRings rings = new LiveKeyRings(keyRepository);
    RotationPolicy rotation = new RotationPolicy(config.keyRotationPeriod(),
        RotationPolicy.DEFAULT.publicationLead(), RotationPolicy.DEFAULT.maxTokenLifetime());
    KeyRotationJob rotationJob = new KeyRotationJob(keyRepository, new StoreRotationLock(jdbcStore),
        rings, rotation, KeyAlgorithm.parse(config.signingAlgorithm()), clock, random);
    rotationJob.runOnce();

    // Bootstrap, then the primary account and its root credentials.
    String bootstrapPrimary = null;
    if (config.bootstrapFile() != null) {
      BootstrapApplier.Result result =
          new BootstrapApplier(store).apply(BootstrapReader.read(config.bootstrapFile()));
      result.warnings().forEach(w -> LOG.warning(w));
      LOG.info("applied bootstrap file " + config.bootstrapFile() + ": " + result.changes()
          + " changes");
      bootstrapPrimary = result.accountIds().isEmpty() ? null : result.accountIds().get(0);
    }
    this.primaryAccountId = bootstrapPrimary != null ? bootstrapPrimary : firstOrNewAccount(store);
    this.rootCredentialsFile = RootCredentials.ensure(store, primaryAccountId, config.dataDir())
        .orElse(null);
    versions.refresh();

    // Tokens, authentication, authorisation.
    SessionTokenIssuer issuer = new SessionTokenIssuer(config.issuer(), rings,
        rotation.maxTokenLifetime(), clock, random);
    SessionTokenVerifier verifier = new SessionTokenVerifier(config.issuer(), rings, clock,
        SessionTokenVerifier.DEFAULT_CLOCK_SKEW, SessionTokenVerifier.DEFAULT_CACHE_SIZE);
    PolicyLibrary library = new PolicyLibrary(store, versions);
    PrincipalPolicies principals = new PrincipalPolicies(store, library, versions);
    AuthorizationMessages messages = new AuthorizationMessages(rings, random);
    RequestContextFactory contexts = new RequestContextFactory(config.region());
    AccessEvaluator access = new AccessEvaluator(principals, contexts, messages, clock);
    LongTermKeys longTermKeys = new LongTermKeys(store, versions);
    RequestAuthenticator authenticator = new RequestAuthenticator(longTermKeys, verifier, clock,
        config.region(),
        dev.lanyard.sdk.signing.grpc.GrpcRequestView.SERVICE);
    SigV4ServerInterceptor sigv4 = new SigV4ServerInterceptor(authenticator, ServiceWiring.UNSIGNED_METHODS);

    ServiceWiring.Parts parts = new ServiceWiring.Parts(config, store, versions, issuer, verifier,
        library, principals, contexts, access, messages, longTermKeys, recorder, clock, random);
    this.health = new HealthStatusManager();
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(new InetSocketAddress(config.bind(), config.grpcPort()))
        .intercept(new ErrorMappingInterceptor())
        .intercept(new RequestIdInterceptor())
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance());
    for (ServerServiceDefinition service : ServiceWiring.signedServices(parts, sigv4)) {
      builder.addService(service);
    }
    if (config.tlsEnabled()) {
      SslContextBuilder ssl = GrpcSslContexts.forServer(config.tlsCert().toFile(),
          config.tlsKey().toFile());
      if (config.tlsClientCa() != null) {
        ssl.trustManager(config.tlsClientCa().toFile()).clientAuth(ClientAuth.REQUIRE);
      }
      builder.sslContext(ssl.build());
    }
    this.grpc = builder.build().start();

    this.http = new HttpFrontDoor(config.bind(), config.httpPort(), 8);
    http.route(DiscoveryDocument.JWKS_PATH, new StaticJsonHandler(() -> rings.current().signing().jwks(), 300))
        .route(DiscoveryDocument.DISCOVERY_PATH,
            new StaticJsonHandler(() -> DiscoveryDocument.json(config.issuer()), 3600))
        .route("/metrics", new MetricsHandler(metrics.registry()))
        .route("/healthz", new HealthHandler(this::healthReport));
    ServiceWiring.httpRoutes(parts, http);
    http.start();

    this.upkeep = Executors.newScheduledThreadPool(1, r -> {
      Thread t = new Thread(r, "lanyard-upkeep");
      t.setDaemon(true);
      return t;
    });
    upkeep.scheduleWithFixedDelay(guard("store version poll", () -> {
      metrics.storeVersion(versions.refresh());
    }), 1, 1, TimeUnit.SECONDS);
    long rotationCheck = Math.max(60, Math.min(300, rotation.publicationLead().toSeconds() / 4));
    upkeep.scheduleWithFixedDelay(guard("key rotation", rotationJob::runOnce), rotationCheck,
        rotationCheck, TimeUnit.SECONDS);
    upkeep.scheduleWithFixedDelay(guard("replay cache purge", store::purgeExpiredReplayRecords),
        10, 600, TimeUnit.SECONDS);

    health.setStatus("", ServingStatus.SERVING);
    ready = true;
    metrics.ready(config.nodeId(), true);
  }

  private static Runnable guard(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, what + " failed; will retry", e);
      }
    };
  }

  private static String firstOrNewAccount(IamStore store) {
    var page = store.accounts().list(PageRequest.first(1));
    if (!page.items().isEmpty()) {
      return page.items().get(0).id();
    }
    return store.accounts().create(null).id();
  }

  private HealthReport healthReport() {
    return new HealthReport(ready, ready ? "ok" : "starting", config.nodeId(), versions.current());
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

    public LanyardServer start() throws IOException {
      return new LanyardServer(this);
    }
  }

  public int grpcPort() {
    return grpc.getPort();
  }

  public int httpPort() {
    return http.port();
  }

  public IamStore store() {
    return store;
  }

  public String primaryAccountId() {
    return primaryAccountId;
  }

  /** The root credentials file written at this start, if this start created the root's key. */
  public Optional<Path> rootCredentialsFile() {
    return Optional.ofNullable(rootCredentialsFile);
  }

  public ServerConfig config() {
    return config;
  }

  /** Stops accepting calls, lets calls in flight finish (up to 10 s), then releases everything. */
  @Override
  public void close() {
    ready = false;
    metrics.ready(config.nodeId(), false);
    health.enterTerminalState();
    grpc.shutdown();
    try {
      if (!grpc.awaitTermination(10, TimeUnit.SECONDS)) {
        grpc.shutdownNow();
      }
    } catch (InterruptedException e) {
      grpc.shutdownNow();
      Thread.currentThread().interrupt();
    }
    http.close();
    upkeep.shutdownNow();
    audit.close();
    store.close();
  }

  /** Blocks until the gRPC server terminates. */
  public void awaitTermination() throws InterruptedException {
    grpc.awaitTermination();
  }
}
