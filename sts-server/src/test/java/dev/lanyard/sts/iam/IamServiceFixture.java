package dev.lanyard.sts.iam;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.proto.common.v1.ErrorDetail;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.audit.JsonLinesAuditLog;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.CallerContext;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.AuthorizationMessages;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.authz.PrincipalPolicies;
import dev.lanyard.sts.authz.RequestContextFactory;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
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
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.store.model.Account;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.User;
import dev.lanyard.sts.store.model.NewUser;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.function.Executable;

/**
 * A real IAM service for tests: the JDBC store on H2 in a temporary folder, the real policy engine
 * behind the access evaluator, the error mapping and request id interceptors, and an interceptor
 * that puts the {@link #actAs acting} caller (a real root or IAM user of the store) in the context.
 */
final class IamServiceFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  static final String ALLOW_ALL_IAM = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"iam:*\",\"Resource\":\"*\"}]}";
  static final String TRUST_EC2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  final MutableClock clock = new MutableClock(T0);
  final SecureRandom random = TestRandom.seeded(42);
  final JdbcIamStore store;
  final StoreVersionTracker versions;
  final Path auditFile;
  final IamServiceGrpc.IamServiceBlockingStub iam;
  private final JsonLinesAuditLog audit;
  private final Server server;
  private final ManagedChannel channel;
  private final AtomicReference<Caller> actor = new AtomicReference<>();

  IamServiceFixture(Path dir) throws IOException {
    SecretSealer sealer = new SecretSealer(KeyEncryptionKey.generate(random), random);
    store = JdbcIamStore.open(JdbcStoreConfig.embedded(dir), sealer, clock, random);
    versions = new StoreVersionTracker(store::currentVersion);
    InMemoryKeyRingRepository keys = new InMemoryKeyRingRepository();
    LiveKeyRings rings = new LiveKeyRings(keys);
    new KeyRotationJob(keys, RotationLock.inProcess(), rings, RotationPolicy.DEFAULT, KeyAlgorithm.ED25519, clock,
        random).runOnce();
    PolicyLibrary library = new PolicyLibrary(store, versions);
    AccessEvaluator evaluator = new AccessEvaluator(new PrincipalPolicies(store, library, versions),
        new RequestContextFactory("us-east-1"), new AuthorizationMessages(rings, random), clock);
    auditFile = dir.resolve("audit.jsonl");
    audit = JsonLinesAuditLog.toFile(auditFile);
    CallRecorder recorder = new CallRecorder(audit, new ServerMetrics("test"), clock, "test");
    IamGrpcService service = IamGrpcService.create(store, evaluator, versions, recorder, clock, random);
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(service, new ErrorMappingInterceptor(), new ActingCaller(),
            new RequestIdInterceptor()))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    iam = IamServiceGrpc.newBlockingStub(channel);
  }

  /** Calls made from now on are made by {@code caller}. */
  void actAs(Caller caller) {
    actor.set(caller);
  }

  /** A new account, acted on by its root from now on. */
  Account newAccountAsRoot() {
    Account account = store.accounts().create(null);
    actAs(root(account.id()));
    return account;
  }

  Caller root(String accountId) {
    return new Caller(PrincipalType.ACCOUNT_ROOT, "arn:aws:iam::" + accountId + ":root", accountId, accountId, null,
        null, "AKIAROOTKEYEXAMPLE01", null, null);
  }

  /** A new IAM user with an inline policy ({@code null} for none) and an access key, as a caller. */
  Caller user(String accountId, String name, String inlinePolicy) {
    User user = store.users().create(accountId, NewUser.named(name));
    if (inlinePolicy != null) {
      store.principalPolicies().putInline(PolicyOwner.user(accountId, name), "test", inlinePolicy);
    }
    String keyId = store.accessKeys().create(accountId, name).key().accessKeyId();
    versions.refresh();
    return new Caller(PrincipalType.USER, user.arn(), accountId, user.id(), name, null, keyId, null, null);
  }

  String auditText() throws IOException {
    return Files.readString(auditFile);
  }

  /** The AWS error code a failing call reports in its {@link ErrorDetail}. */
  static String errorCode(Executable call) {
    return detail(assertThrows(StatusRuntimeException.class, call)).getCode();
  }

  /** The failing call's status, for message checks. */
  static StatusRuntimeException failure(Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    detail(e);
    return e;
  }

  static ErrorDetail detail(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return fail("no rich status in " + e);
    }
    for (Any any : status.getDetailsList()) {
      if (any.is(ErrorDetail.class)) {
        try {
          return any.unpack(ErrorDetail.class);
        } catch (InvalidProtocolBufferException ex) {
          return fail(ex);
        }
      }
    }
    return fail("no ErrorDetail in " + e);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    audit.close();
    store.close();
  }

  /** Puts the acting caller in the gRPC context, as the authentication interceptor would. */
  private final class ActingCaller implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      Caller caller = actor.get();
      if (caller == null) {
        return next.startCall(call, headers);
      }
      return Contexts.interceptCall(Context.current().withValue(CallerContext.KEY, caller), call, headers, next);
    }
  }
}
