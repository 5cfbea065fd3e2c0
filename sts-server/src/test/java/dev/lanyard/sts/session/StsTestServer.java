package dev.lanyard.sts.session;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.proto.authz.v1.AuthorizerGrpc;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sts.audit.AuditLog;
import dev.lanyard.sts.audit.AuditRecord;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.CallerContext;
import dev.lanyard.sts.auth.LongTermKeys;
import dev.lanyard.sts.auth.RequestAuthenticator;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.AuthorizationMessages;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.authz.PrincipalPolicies;
import dev.lanyard.sts.authz.RequestContextFactory;
import dev.lanyard.sts.authz.grpc.AuthorizerGrpcService;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.federation.oidc.KeyFetchSettings;
import dev.lanyard.sts.federation.oidc.OidcProviderKeys;
import dev.lanyard.sts.federation.oidc.WebIdentityTokenVerifier;
import dev.lanyard.sts.federation.saml.SamlResponseVerifier;
import dev.lanyard.sts.federation.saml.SamlVerifierSettings;
import dev.lanyard.sts.grpc.ErrorMappingInterceptor;
import dev.lanyard.sts.grpc.RequestIdInterceptor;
import dev.lanyard.sts.keys.InMemoryKeyRingRepository;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.keys.RotationLock;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.keys.TestRandom;
import dev.lanyard.sts.metrics.ServerMetrics;
import dev.lanyard.sts.mfa.MfaCodes;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.store.model.AccessKeySecret;
import dev.lanyard.sts.store.model.NewRole;
import dev.lanyard.sts.store.model.NewUser;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.User;
import dev.lanyard.sts.token.SessionTokenIssuer;
import dev.lanyard.sts.token.SessionTokenVerifier;
import dev.lanyard.sts.token.TokenRejectedException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real STS and Authorizer in process: H2 store in a temporary folder, real key rings, issuer and
 * verifier, the error-mapping and request-id interceptors, and a test interceptor that puts the
 * {@link Caller} named by the {@code x-test-caller} header in the context (the callers are built
 * from real store users or from real verified session tokens).
 */
public final class StsTestServer implements AutoCloseable {
  public static final String ISSUER = "https://sts.lanyard.test";
  public static final String REGION = "us-east-1";
  private static final Metadata.Key<String> CALLER_HEADER =
      Metadata.Key.of("x-test-caller", Metadata.ASCII_STRING_MARSHALLER);

  public final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  public final JdbcIamStore store;
  public final StoreVersionTracker versions;
  public final PolicyLibrary library;
  public final PrincipalPolicies principals;
  public final AuthorizationMessages messages;
  public final AccessEvaluator access;
  public final SessionTokenVerifier verifier;
  public final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
  private final Map<String, Caller> callers = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Server server;
  private final ManagedChannel channel;

  public StsTestServer(Path dataDir) throws IOException {
    SecureRandom random = TestRandom.seeded(42);
    store = JdbcIamStore.open(JdbcStoreConfig.embedded(dataDir),
        new SecretSealer(KeyEncryptionKey.generate(random), random), clock, random);
    versions = new StoreVersionTracker(store::currentVersion);
    library = new PolicyLibrary(store, versions);
    principals = new PrincipalPolicies(store, library, versions);
    InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
    LiveKeyRings rings = new LiveKeyRings(repository);
    new KeyRotationJob(repository, RotationLock.inProcess(), rings, RotationPolicy.DEFAULT, KeyAlgorithm.ED25519,
        clock, TestRandom.seeded(1)).runOnce();
    messages = new AuthorizationMessages(rings, random);
    access = new AccessEvaluator(principals, new RequestContextFactory(REGION), messages, clock);
    SessionTokenIssuer issuer = new SessionTokenIssuer(ISSUER, rings, RotationPolicy.DEFAULT.maxTokenLifetime(),
        clock, random);
    verifier = new SessionTokenVerifier(ISSUER, rings, clock, SessionTokenVerifier.DEFAULT_CLOCK_SKEW, 1000);
    LongTermKeys keys = new LongTermKeys(store, versions);
    AuditLog log = new AuditLog() {
      @Override
      public void record(AuditRecord record) {
        audit.add(record);
      }

      @Override
      public void close() {}
    };
    CallRecorder recorder = new CallRecorder(log, new ServerMetrics("test"), clock, "node-1");
    MfaCheck mfa = new MfaCheck(store, new MfaCodes(store, Totp.standard(), clock), clock);
    SessionMinter minter = new SessionMinter(issuer);
    RoleTrust trust = new RoleTrust(principals, new RequestContextFactory(REGION), access, versions, clock);
    FederatedTrust federated = new FederatedTrust(versions, REGION, clock);
    StsOperations ops = new StsOperations(new AssumeRoleOperation(library, trust, mfa, minter),
        new UserSessionOperations(library, access, mfa, minter), new IdentityOperations(keys, access, messages),
        new WebIdentityOperations(store, library, new WebIdentityTokenVerifier(
            new OidcProviderKeys(KeyFetchSettings.defaults(), clock), clock), federated, minter),
        new SamlOperations(store, library, new SamlResponseVerifier(store, SamlVerifierSettings.forIssuer(ISSUER),
            clock), federated, minter, clock));
    String name = "sts-test-" + System.nanoTime();
    ServerInterceptor callerInterceptor = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        String id = headers.get(CALLER_HEADER);
        Caller c = id == null ? null : callers.get(id);
        return Contexts.interceptCall(Context.current().withValue(CallerContext.KEY, c), call, headers, next);
      }
    };
    ErrorMappingInterceptor errors = new ErrorMappingInterceptor();
    RequestIdInterceptor requestIds = new RequestIdInterceptor();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(new StsGrpcService(ops, recorder), errors, callerInterceptor,
            requestIds))
        .addService(ServerInterceptors.intercept(new AuthorizerGrpcService(store, keys, verifier, access,
            principals, messages, recorder, clock, REGION), errors, callerInterceptor, requestIds))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  /** An STS stub that calls as {@code caller}. */
  public SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub sts(Caller caller) {
    return SecurityTokenServiceGrpc.newBlockingStub(channel).withInterceptors(as(caller));
  }

  /** An Authorizer stub that calls as {@code caller}. */
  public AuthorizerGrpc.AuthorizerBlockingStub authorizer(Caller caller) {
    return AuthorizerGrpc.newBlockingStub(channel).withInterceptors(as(caller));
  }

  /** A new account's id. */
  public String account() {
    return store.accounts().create(null).id();
  }

  /** A user with an inline policy (null for none), and its long-term key as a caller. */
  public Caller user(String account, String name, String policy) {
    User u = store.users().create(account, NewUser.named(name));
    if (policy != null) {
      store.principalPolicies().putInline(PolicyOwner.user(account, name), "inline", policy);
    }
    AccessKeySecret key = store.accessKeys().create(account, name);
    versions.refresh();
    return new Caller(PrincipalType.USER, u.arn(), account, u.id(), name, null, key.key().accessKeyId(), null,
        "192.0.2.10");
  }

  /** The account root as a long-term caller. */
  public Caller root(String account) {
    return new Caller(PrincipalType.ACCOUNT_ROOT, "arn:aws:iam::" + account + ":root", account, account, null, null,
        "AKIAROOTROOTROOTROOT", null, null);
  }

  /** A role with a trust policy, an inline permissions policy (null for none) and a maximum duration. */
  public Role role(String account, String name, String trust, String policy, int maxSessionDuration) {
    Role r = store.roles().create(account, new NewRole(name, "/team/", trust, null, maxSessionDuration, List.of(),
        null));
    if (policy != null) {
      store.principalPolicies().putInline(PolicyOwner.role(account, name), "inline", policy);
    }
    versions.refresh();
    return r;
  }

  /** The caller that a session token stands for, verified like the authentication interceptor does. */
  public Caller sessionCaller(String token) {
    try {
      return RequestAuthenticator.callerOf(verifier.verify(token), "192.0.2.10");
    } catch (TokenRejectedException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  public void advance(Duration d) {
    clock.advance(d);
  }

  private ClientInterceptor as(Caller caller) {
    String id = "c" + ids.incrementAndGet();
    if (caller != null) {
      callers.put(id, caller);
    }
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(CALLER_HEADER, id);
            super.start(listener, headers);
          }
        };
      }
    };
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    store.close();
  }
}
