package dev.lanyard.sdk.client;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import dev.lanyard.proto.common.v1.ErrorDetail;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLResponse;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityResponse;
import dev.lanyard.proto.sts.v1.Credentials;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of the Lanyard STS server on a loopback port: canned answers, scripted failures, and
 * a record of each call's method, signing access key id and request. It checks no signature.
 */
public final class StsTestServer implements AutoCloseable {
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/");

  /** One call as the server saw it. */
  public record Call(String method, String signingKeyId, Object request) {}

  private final Clock clock;
  private final Duration lifetime;
  private final Queue<RuntimeException> scriptedFailures = new ConcurrentLinkedQueue<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;
  private final Server server;

  public StsTestServer(Clock clock, Duration lifetime) throws IOException {
    this(clock, lifetime, 0);
  }

  public StsTestServer(Clock clock, Duration lifetime, int port) throws IOException {
    this(clock, lifetime, port, InsecureServerCredentials.create());
  }

  public StsTestServer(Clock clock, Duration lifetime, int port, io.grpc.ServerCredentials credentials)
      throws IOException {
    this.clock = clock;
    this.lifetime = lifetime;
    this.server = Grpc.newServerBuilderForPort(port, credentials)
        .addService(ServerInterceptors.intercept(new Service(), new KeyCapture()))
        .build()
        .start();
  }

  public int port() {
    return server.getPort();
  }

  public String endpoint() {
    return "127.0.0.1:" + port();
  }

  public List<Call> calls() {
    return calls;
  }

  /** The next calls fail with these, in order. */
  public void failNext(RuntimeException... failures) {
    scriptedFailures.addAll(List.of(failures));
  }

  /** Each call waits this long before answering. */
  public void delay(Duration delay) {
    this.delay = delay;
  }

  /** A failure carrying an {@link ErrorDetail}, as the real server sends. */
  public static StatusRuntimeException failure(Status.Code code, String awsCode, boolean retryable, String requestId) {
    ErrorDetail detail = ErrorDetail.newBuilder().setCode(awsCode).setType("Sender").setRequestId(requestId)
        .setRetryable(retryable).build();
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(code.value()).setMessage(awsCode + " from the test server").addDetails(Any.pack(detail)).build());
  }

  public static StatusRuntimeException unavailable() {
    return Status.UNAVAILABLE.withDescription("scripted outage").asRuntimeException();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final io.grpc.Context.Key<String> KEY_ID = io.grpc.Context.key("signing-key-id");

  private final class KeyCapture implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String authorization = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
      String keyId = "";
      if (authorization != null) {
        Matcher m = CREDENTIAL.matcher(authorization);
        keyId = m.find() ? m.group(1) : "?";
      }
      return io.grpc.Contexts.interceptCall(io.grpc.Context.current().withValue(KEY_ID, keyId), call, headers, next);
    }
  }

  private Credentials issue() {
    int n = issued.incrementAndGet();
    Instant expiration = clock.instant().plus(lifetime);
    return Credentials.newBuilder()
        .setAccessKeyId(String.format("ASIATESTSERVER%06d", n))
        .setSecretAccessKey("server-secret-" + n)
        .setSessionToken("server-token-" + n)
        .setExpiration(Timestamp.newBuilder().setSeconds(expiration.getEpochSecond()).setNanos(expiration.getNano()))
        .build();
  }

  private <T> boolean begin(String method, Object request, StreamObserver<T> responses) {
    calls.add(new Call(method, KEY_ID.get(), request));
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RuntimeException failure = scriptedFailures.poll();
    if (failure != null) {
      responses.onError(failure);
      return false;
    }
    return true;
  }

  private final class Service extends SecurityTokenServiceGrpc.SecurityTokenServiceImplBase {
    @Override
    public void assumeRole(AssumeRoleRequest request, StreamObserver<AssumeRoleResponse> responses) {
      if (begin("AssumeRole", request, responses)) {
        responses.onNext(AssumeRoleResponse.newBuilder().setCredentials(issue()).build());
        responses.onCompleted();
      }
    }

    @Override
    public void getCallerIdentity(GetCallerIdentityRequest request, StreamObserver<GetCallerIdentityResponse> responses) {
      if (begin("GetCallerIdentity", request, responses)) {
        responses.onNext(GetCallerIdentityResponse.newBuilder()
            .setUserId(KEY_ID.get()).setAccount("123456789012").setArn("arn:aws:iam::123456789012:user/test").build());
        responses.onCompleted();
      }
    }

    @Override
    public void assumeRoleWithWebIdentity(
        AssumeRoleWithWebIdentityRequest request, StreamObserver<AssumeRoleWithWebIdentityResponse> responses) {
      if (begin("AssumeRoleWithWebIdentity", request, responses)) {
        responses.onNext(AssumeRoleWithWebIdentityResponse.newBuilder().setCredentials(issue())
            .setSubjectFromWebIdentityToken("sub").build());
        responses.onCompleted();
      }
    }

    @Override
    public void assumeRoleWithSAML(AssumeRoleWithSAMLRequest request, StreamObserver<AssumeRoleWithSAMLResponse> responses) {
      if (begin("AssumeRoleWithSAML", request, responses)) {
        responses.onNext(AssumeRoleWithSAMLResponse.newBuilder().setCredentials(issue()).build());
        responses.onCompleted();
      }
    }
  }
}
