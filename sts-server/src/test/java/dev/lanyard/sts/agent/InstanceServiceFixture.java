package dev.lanyard.sts.agent;

import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sts.audit.AuditLog;
import dev.lanyard.sts.audit.AuditRecord;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.grpc.ErrorMappingInterceptor;
import dev.lanyard.sts.grpc.RequestIdInterceptor;
import dev.lanyard.sts.iam.JoinTokens;
import dev.lanyard.sts.keys.InMemoryKeyRingRepository;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.keys.RotationLock;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.keys.TestRandom;
import dev.lanyard.sts.metrics.ServerMetrics;
import dev.lanyard.sts.session.SessionMinter;
import dev.lanyard.sts.session.StsGrpcService;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.store.model.NewInstanceProfile;
import dev.lanyard.sts.store.model.NewRole;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionTokenIssuer;
import dev.lanyard.sts.token.SessionTokenVerifier;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The instance RPCs in process over a real H2 store, real key rings, issuer and verifier, with the
 * error-mapping interceptor; a mutable clock shared by store and service.
 */
final class InstanceServiceFixture implements AutoCloseable {
  static final String ISSUER = "https://sts.lanyard.test";
  static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  final JdbcIamStore store;
  final SessionTokenVerifier verifier;
  final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
  private final SecureRandom random = TestRandom.seeded(7);
  private final Server server;
  private final ManagedChannel channel;

  InstanceServiceFixture(Path dataDir) throws IOException {
    store = JdbcIamStore.open(JdbcStoreConfig.embedded(dataDir),
        new SecretSealer(KeyEncryptionKey.generate(random), random), clock, random);
    StoreVersionTracker versions = new StoreVersionTracker(store::currentVersion);
    InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
    LiveKeyRings rings = new LiveKeyRings(repository);
    new KeyRotationJob(repository, RotationLock.inProcess(), rings, RotationPolicy.DEFAULT, KeyAlgorithm.ED25519,
        clock, TestRandom.seeded(1)).runOnce();
    SessionTokenIssuer issuer = new SessionTokenIssuer(ISSUER, rings, RotationPolicy.DEFAULT.maxTokenLifetime(),
        clock, random);
    verifier = new SessionTokenVerifier(ISSUER, rings, clock, SessionTokenVerifier.DEFAULT_CLOCK_SKEW, 1000);
    AuditLog log = new AuditLog() {
      @Override
      public void record(AuditRecord record) {
        audit.add(record);
      }

      @Override
      public void close() {}
    };
    CallRecorder recorder = new CallRecorder(log, new ServerMetrics("test"), clock, "node-1");
    InstanceOperations instances = new InstanceOperations(store, versions, new SessionMinter(issuer), clock, random);
    String name = "instance-test-" + System.nanoTime();
    // The instance RPCs need none of the other STS operations.
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(new StsGrpcService(null, instances, recorder),
            new ErrorMappingInterceptor(), new RequestIdInterceptor()))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub sts() {
    return SecurityTokenServiceGrpc.newBlockingStub(channel);
  }

  String account() {
    return store.accounts().create(null).id();
  }

  /** A role with this trust policy in an instance profile of the same name; returns the role. */
  Role profileWithRole(String account, String name, String trust, int maxSessionDuration) {
    Role role = store.roles().create(account, new NewRole(name, "/hosts/", trust, null, maxSessionDuration,
        List.of(), null));
    store.instanceProfiles().create(account, NewInstanceProfile.named(name));
    store.instanceProfiles().addRole(account, name, name);
    return role;
  }

  /** A join token for the profile, valid for {@code ttlSeconds}. */
  String joinToken(String account, String profile, long ttlSeconds) {
    String token = JoinTokens.newToken(random);
    store.hostEnrolment().createJoinToken(account, JoinTokens.hash(token), profile,
        clock.instant().plusSeconds(ttlSeconds));
    return token;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    store.close();
  }
}
