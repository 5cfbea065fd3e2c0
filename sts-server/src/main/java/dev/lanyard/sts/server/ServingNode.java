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
import dev.lanyard.sts.cluster.ChangeFollower;
import dev.lanyard.sts.cluster.StoreReachability;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.grpc.CallExecutors;
import dev.lanyard.sts.grpc.ErrorMappingInterceptor;
import dev.lanyard.sts.grpc.PeerAddressInterceptor;
import dev.lanyard.sts.grpc.RequestIdInterceptor;
import dev.lanyard.sts.http.DiscoveryDocument;
import dev.lanyard.sts.http.HttpFrontDoor;
import dev.lanyard.sts.http.StaticJsonHandler;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.RotationLock;
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
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The part of a node that exists once its store is open: the store, key ring and its rotation,
 * bootstrap, root credentials, tokens, authentication, authorisation, the gRPC server, the JWKS and
 * discovery routes, the change follower and background upkeep. {@link #start} builds and starts it
 * all or, on failure, closes what it opened and throws.
 */
final class ServingNode implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ServingNode.class.getName());

  /** Calls in flight on one client connection; more wait at the client. */
  static final int MAX_CALLS_PER_CONNECTION = 1000;
  /** The largest request message: an AuthorizeBatch of 100 requests with the longest tokens (32 KB) fits. */
  static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** What the node is built from. */
  record Inputs(ServerConfig config, Clock clock, SecureRandom random, Map<String, String> environment,
      ServerMetrics metrics, StoreReachability reachability, HealthStatusManager health,
      HttpFrontDoor http) {}

  private final List<AutoCloseable> opened = new ArrayList<>();
  private JdbcIamStore store;
  private StoreVersionTracker versions;
  private Server grpc;
  private String primaryAccountId;
  private Path rootCredentialsFile;

  private ServingNode() {}

  /**
   * Opens the store, loads the node's state and starts serving gRPC.
   *
   * @throws dev.lanyard.sts.error.LanyardException {@code ServiceUnavailable} when the store is
   *     unreachable; nothing stays open then
   */
  static ServingNode start(Inputs in) throws IOException {
    ServingNode node = new ServingNode();
    try {
      node.build(in);
      return node;
    } catch (IOException | RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  private void build(Inputs in) throws IOException {
    ServerConfig config = in.config();
    Clock clock = in.clock();
    SecureRandom random = in.random();
    KeyEncryptionKey kek = KeyEncryptionKey.resolve(in.environment(), config.kekFile(), random);
    JdbcStoreConfig storeConfig = (config.embeddedStore()
        ? JdbcStoreConfig.embedded(config.dataDir())
        : JdbcStoreConfig.of(config.storeUrl())).withPartition(config.partition());
    store = JdbcIamStore.open(storeConfig, new SecretSealer(kek, random), clock, random);
    opened.add(store);
    versions = new StoreVersionTracker(store::currentVersion);
    AuditLog audit = JsonLinesAuditLog.open(config.auditLog());
    opened.add(0, audit);
    CallRecorder recorder = new CallRecorder(audit, in.metrics(), clock, config.nodeId());

    // Keys: rotate (or create the first ring) before serving.
    long loadedVersion = store.currentVersion();
    StoreKeyRingRepository keyRepository = new StoreKeyRingRepository(store);
    LiveKeyRings rings = new LiveKeyRings(keyRepository);
    RotationPolicy rotation = new RotationPolicy(config.keyRotationPeriod(),
        RotationPolicy.DEFAULT.publicationLead(), RotationPolicy.DEFAULT.maxTokenLifetime());
    StoreRotationLock clusterLock = new StoreRotationLock(store);
    KeyRotationJob rotationJob = new KeyRotationJob(keyRepository, clusterLock,
        rings, rotation, KeyAlgorithm.parse(config.signingAlgorithm()), clock, random);
    rotationJob.runOnce();

    // Under the same cluster-wide lock, so that nodes starting together on an empty database agree
    // on one primary account and one root key instead of each creating their own.
    try (RotationLock.Held held = clusterLock.acquire()) {
      bootstrap(config);
    }
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
        config.region(), dev.lanyard.sdk.signing.grpc.GrpcRequestView.SERVICE);
    SigV4ServerInterceptor sigv4 = new SigV4ServerInterceptor(authenticator,
        ServiceWiring.UNSIGNED_METHODS, recorder);
    ServiceWiring.Parts parts = new ServiceWiring.Parts(config, store, versions, issuer, verifier,
        library, principals, contexts, access, messages, longTermKeys, authenticator, recorder, clock, random);
    ServiceWiring wiring = new ServiceWiring(parts);

    // Follow other nodes' changes from the version the key rings were loaded at.
    ChangeFollower follower = ChangeFollower.start(store, versions, rings::reload,
        in.metrics()::storeVersion, in.reachability(), config.nodeId(), loadedVersion,
        ChangeFollower.DEFAULT_POLL_INTERVAL, random);
    opened.add(0, follower);
    follower.pollNow();

    CallExecutors executors = new CallExecutors(ServiceWiring.HOT_METHODS, config.grpcThreads());
    opened.add(0, executors);
    grpc = grpcServer(config, in.health(), wiring.signedServices(sigv4), executors).start();
    opened.add(0, this::stopGrpc);

    HttpFrontDoor http = in.http();
    http.route(DiscoveryDocument.JWKS_PATH,
            new StaticJsonHandler(() -> rings.current().signing().jwks(), 300))
        .route(DiscoveryDocument.DISCOVERY_PATH,
            new StaticJsonHandler(() -> DiscoveryDocument.json(config.issuer()), 3600));
    wiring.httpRoutes(http);

    ScheduledExecutorService upkeep = Executors.newScheduledThreadPool(1, r -> {
      Thread t = new Thread(r, "lanyard-upkeep");
      t.setDaemon(true);
      return t;
    });
    opened.add(0, upkeep::shutdownNow);
    long rotationCheck = Math.max(60, Math.min(300, rotation.publicationLead().toSeconds() / 4));
    upkeep.scheduleWithFixedDelay(guard("key rotation", rotationJob::runOnce), rotationCheck,
        rotationCheck, TimeUnit.SECONDS);
    upkeep.scheduleWithFixedDelay(guard("replay cache purge", store::purgeExpiredReplayRecords),
        10, 600, TimeUnit.SECONDS);
    upkeep.scheduleWithFixedDelay(guard("join token purge",
        () -> store.hostEnrolment().purgeExpiredJoinTokens()), 30, 600, TimeUnit.SECONDS);
  }

  private void bootstrap(ServerConfig config) throws IOException {
    String bootstrapPrimary = null;
    if (config.bootstrapFile() != null) {
      BootstrapApplier.Result result =
          new BootstrapApplier(store).apply(BootstrapReader.read(config.bootstrapFile()));
      result.warnings().forEach(LOG::warning);
      LOG.info("applied bootstrap file " + config.bootstrapFile() + ": " + result.changes()
          + " changes");
      bootstrapPrimary = result.accountIds().isEmpty() ? null : result.accountIds().get(0);
    }
    primaryAccountId = bootstrapPrimary != null ? bootstrapPrimary : firstOrNewAccount(store);
    rootCredentialsFile = RootCredentials.ensure(store, primaryAccountId, config.dataDir())
        .orElse(null);
  }

  private static Server grpcServer(ServerConfig config, HealthStatusManager health,
      List<ServerServiceDefinition> services, CallExecutors executors) throws IOException {
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(new InetSocketAddress(config.bind(), config.grpcPort()))
        .directExecutor() // only finds the method on the transport thread; callExecutor picks where it runs
        .callExecutor(executors)
        // An overloaded node pushes back (HTTP/2 streams beyond this wait at the client) instead of
        // buffering every call a client opens: unbounded, an open-loop AuthorizeBatch run once
        // exhausted the node's direct memory.
        .maxConcurrentCallsPerConnection(MAX_CALLS_PER_CONNECTION)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .intercept(new ErrorMappingInterceptor())
        .intercept(new RequestIdInterceptor())
        .intercept(new PeerAddressInterceptor())
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance());
    for (ServerServiceDefinition service : services) {
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
    return builder.build();
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

  IamStore store() {
    return store;
  }

  StoreVersionTracker versions() {
    return versions;
  }

  int grpcPort() {
    return grpc.getPort();
  }

  String primaryAccountId() {
    return primaryAccountId;
  }

  Path rootCredentialsFile() {
    return rootCredentialsFile;
  }

  void awaitTermination() throws InterruptedException {
    grpc.awaitTermination();
  }

  private void stopGrpc() {
    grpc.shutdown();
    try {
      if (!grpc.awaitTermination(10, TimeUnit.SECONDS)) {
        grpc.shutdownNow();
      }
    } catch (InterruptedException e) {
      grpc.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops gRPC (calls in flight may finish, up to 10 s), the upkeep and the change follower, then
   * closes the audit log and the store: the reverse of the order they were opened in.
   */
  @Override
  public void close() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "closing a node part failed", e);
      }
    }
    opened.clear();
  }
}
