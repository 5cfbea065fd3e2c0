package dev.lanyard.sdk.signing.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.sts.v1.GetAccessKeyInfoRequest;
import dev.lanyard.proto.sts.v1.GetAccessKeyInfoResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.proto.sts.v1.SecurityTokenServiceGrpc;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.signing.SigV4Verifier;
import dev.lanyard.sdk.signing.SignatureClaim;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signs real calls through an in-process server that verifies them with the SDK's own helpers. */
class SigV4ClientInterceptorTest {
  private static final Instant NOW = Instant.parse("2026-04-02T09:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Credentials USER_KEY =
      Credentials.longTerm("AKIAUSEREXAMPLE00001", "user+secret/0123456789abcdefghijklmnopq");
  private static final Credentials ROTATED_KEY =
      Credentials.longTerm("AKIAUSEREXAMPLE00002", "rotated/secret+0123456789abcdefghijklmn");
  private static final Credentials SESSION =
      Credentials.session(
          "ASIASESSIONEXAMPLE01", "session/secret+0123456789abcdefghijklm", "eyJ0b2tlbiI6MX0.sig",
          NOW.plusSeconds(3600));

  private final AtomicInteger handled = new AtomicInteger();
  private VerifyingServerInterceptor verifying;
  private Server server;
  private ManagedChannel channel;

  /** A test service that answers with what the server verified and what it received. */
  private final class EchoService extends SecurityTokenServiceGrpc.SecurityTokenServiceImplBase {
    @Override
    public void getCallerIdentity(
        GetCallerIdentityRequest request, StreamObserver<GetCallerIdentityResponse> responses) {
      handled.incrementAndGet();
      responses.onNext(GetCallerIdentityResponse.newBuilder()
          .setUserId(VerifyingServerInterceptor.ACCESS_KEY_ID.get())
          .build());
      responses.onCompleted();
    }

    @Override
    public void getAccessKeyInfo(
        GetAccessKeyInfoRequest request, StreamObserver<GetAccessKeyInfoResponse> responses) {
      handled.incrementAndGet();
      responses.onNext(GetAccessKeyInfoResponse.newBuilder().setAccount("echo:" + request.getAccessKeyId()).build());
      responses.onCompleted();
    }
  }

  @BeforeEach
  void startServer() throws IOException {
    String name = InProcessServerBuilder.generateName();
    verifying =
        new VerifyingServerInterceptor(
            new SigV4Verifier(CLOCK, Duration.ofMinutes(5)),
            "eu-central-1",
            Map.of(USER_KEY.accessKeyId(), USER_KEY, ROTATED_KEY.accessKeyId(), ROTATED_KEY,
                SESSION.accessKeyId(), SESSION));
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(ServerInterceptors.intercept(
                ServerInterceptors.useMarshalledMessages(new EchoService().bindService(), RawMessageMarshaller.INSTANCE),
                verifying))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub stub(Supplier<Credentials> credentials, Clock clock) {
    return SecurityTokenServiceGrpc.newBlockingStub(
        ClientInterceptors.intercept(channel, new SigV4ClientInterceptor(credentials, "eu-central-1", clock)));
  }

  @Test
  void signsWithALongTermKey() {
    GetCallerIdentityResponse response = stub(() -> USER_KEY, CLOCK).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
    assertEquals(USER_KEY.accessKeyId(), response.getUserId());
    SignatureClaim claim = verifying.lastClaim.get();
    assertEquals("20260402T093000Z", claim.amzDate());
    assertEquals("20260402/eu-central-1/sts/aws4_request", claim.authorization().scope().toString());
    assertEquals("host;x-amz-date", claim.authorization().signedHeadersString());
    assertNull(verifying.lastHeaders.get().get(GrpcRequestView.SECURITY_TOKEN));
  }

  @Test
  void signsWithSessionCredentialsAndSendsTheToken() {
    GetCallerIdentityResponse response = stub(() -> SESSION, CLOCK).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
    assertEquals(SESSION.accessKeyId(), response.getUserId());
    assertEquals("host;x-amz-date;x-amz-security-token", verifying.lastClaim.get().authorization().signedHeadersString());
    assertEquals(SESSION.sessionToken(), verifying.lastHeaders.get().get(GrpcRequestView.SECURITY_TOKEN));
  }

  @Test
  void theMessageArrivesIntactAfterSigning() {
    GetAccessKeyInfoResponse response =
        stub(() -> USER_KEY, CLOCK).getAccessKeyInfo(GetAccessKeyInfoRequest.newBuilder().setAccessKeyId("AKIAQUERIED").build());
    assertEquals("echo:AKIAQUERIED", response.getAccount());
  }

  @Test
  void asksTheSupplierOnEveryCallSoRotationWorks() {
    AtomicReference<Credentials> current = new AtomicReference<>(USER_KEY);
    SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub stub = stub(current::get, CLOCK);
    assertEquals(USER_KEY.accessKeyId(), stub.getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()).getUserId());
    current.set(ROTATED_KEY);
    assertEquals(ROTATED_KEY.accessKeyId(), stub.getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()).getUserId());
  }

  @Test
  void aWrongSecretIsRefused() {
    Credentials wrong = Credentials.longTerm(USER_KEY.accessKeyId(), "not/the+right/secret0123456789abcdefghi");
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub(() -> wrong, CLOCK).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()));
    assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("SignatureDoesNotMatch"), e.getStatus().getDescription());
    assertEquals(0, handled.get());
  }

  @Test
  void theSignatureCoversTheMessageBytes() {
    // Runs after signing, nearer the channel: appends a valid field that overrides access_key_id.
    ClientInterceptor tamper = new ClientInterceptor() {
      @Override
      public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
          MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          @SuppressWarnings("unchecked")
          public void sendMessage(ReqT message) {
            byte[] bytes = (byte[]) message;
            byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
            longer[bytes.length] = 0x0a;
            longer[bytes.length + 1] = 0x01;
            longer[bytes.length + 2] = 'X';
            super.sendMessage((ReqT) longer);
          }
        };
      }
    };
    SecurityTokenServiceGrpc.SecurityTokenServiceBlockingStub stub = SecurityTokenServiceGrpc.newBlockingStub(
        ClientInterceptors.intercept(channel, tamper, new SigV4ClientInterceptor(() -> USER_KEY, "eu-central-1", CLOCK)));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.getAccessKeyInfo(GetAccessKeyInfoRequest.newBuilder().setAccessKeyId("AKIAQUERIED").build()));
    assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("SignatureDoesNotMatch"), e.getStatus().getDescription());
    assertEquals(0, handled.get());
  }

  @Test
  void aSkewedClientClockIsRefused() {
    Clock behind = Clock.fixed(NOW.minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub(() -> USER_KEY, behind).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()));
    assertTrue(e.getStatus().getDescription().startsWith("RequestExpired"), e.getStatus().getDescription());
  }

  @Test
  void missingCredentialsCancelTheCallWithTheCause() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub(() -> {
          throw new IllegalStateException("no credentials configured");
        }, CLOCK).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()));
    assertEquals(Status.Code.CANCELLED, e.getStatus().getCode());
    assertEquals("Lanyard could not sign the call: no credentials configured", e.getStatus().getDescription());
    assertEquals(0, handled.get());
  }

  @Test
  void worksWithTheFutureStub() throws Exception {
    String userId = SecurityTokenServiceGrpc.newFutureStub(
            ClientInterceptors.intercept(channel, new SigV4ClientInterceptor(() -> SESSION, "eu-central-1", CLOCK)))
        .getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance())
        .get(5, TimeUnit.SECONDS)
        .getUserId();
    assertEquals(SESSION.accessKeyId(), userId);
  }

  @Test
  void cancellingBeforeSendingClosesTheCallWithoutReachingTheService() throws Exception {
    Channel signed = ClientInterceptors.intercept(channel, new SigV4ClientInterceptor(() -> USER_KEY, "eu-central-1", CLOCK));
    ClientCall<GetCallerIdentityRequest, GetCallerIdentityResponse> call =
        signed.newCall(SecurityTokenServiceGrpc.getGetCallerIdentityMethod(), CallOptions.DEFAULT);
    CompletableFuture<Status> closed = new CompletableFuture<>();
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onClose(Status status, Metadata trailers) {
        closed.complete(status);
      }
    }, new Metadata());
    call.request(1);
    assertFalse(call.isReady());
    call.cancel("caller gave up", null);
    assertEquals(Status.Code.CANCELLED, closed.get(5, TimeUnit.SECONDS).getCode());
    assertEquals(0, handled.get());
  }

  @Test
  void defaultsToUsEast1() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> SecurityTokenServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, SigV4ClientInterceptor.create(() -> USER_KEY)))
            .getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()));
    assertEquals("us-east-1", verifying.lastClaim.get().authorization().scope().region());
    assertTrue(e.getStatus().getDescription().contains("expected 'eu-central-1'"), e.getStatus().getDescription());
  }
}
