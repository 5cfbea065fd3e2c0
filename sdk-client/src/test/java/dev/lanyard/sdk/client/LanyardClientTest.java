package dev.lanyard.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.iam.v1.GetUserRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.StaticCredentialsProvider;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against loopback gRPC servers that play the STS with canned answers. */
class LanyardClientTest {
  private static final Credentials USER =
      Credentials.longTerm("AKIACLIENTTEST000001", "client/secret+0123456789abcdefghijklmnop");
  private static final AssumeRoleRequest ASSUME = AssumeRoleRequest.newBuilder()
      .setRoleArn("arn:aws:iam::123456789012:role/app").setRoleSessionName("test").build();

  private final List<AutoCloseable> resources = new ArrayList<>();
  private StsTestServer first;
  private StsTestServer second;

  @BeforeEach
  void startServers() throws IOException {
    first = track(new StsTestServer(Clock.systemUTC(), Duration.ofHours(1)));
    second = track(new StsTestServer(Clock.systemUTC(), Duration.ofHours(1)));
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(0, resource);
    return resource;
  }

  private LanyardClient client(String endpoints) {
    return track(LanyardClient.builder()
        .endpoints(endpoints)
        .tls(ClientTls.plaintextConnections())
        .credentials(new StaticCredentialsProvider(USER))
        .retry(new RetrySettings(3, Duration.ofMillis(5), Duration.ofMillis(20)))
        .deadline(Duration.ofSeconds(5))
        .build());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void signsCallsWithTheConfiguredCredentials() {
    LanyardClient client = client(first.endpoint());
    assertEquals(USER.accessKeyId(), client.getCallerIdentity().getUserId());
    assertEquals(USER.accessKeyId(), first.calls().get(0).signingKeyId());
  }

  @Test
  void retriesAnUnavailableServerWithBackoff() {
    first.failNext(StsTestServer.unavailable(), StsTestServer.unavailable());
    LanyardClient client = client(first.endpoint());
    assertTrue(client.assumeRole(ASSUME).getCredentials().getAccessKeyId().startsWith("ASIA"));
    assertEquals(3, first.calls().size());
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheServiceError() {
    first.failNext(StsTestServer.unavailable(), StsTestServer.unavailable(), StsTestServer.unavailable());
    LanyardServiceException e = assertThrows(LanyardServiceException.class, () -> client(first.endpoint()).assumeRole(ASSUME));
    assertEquals("ServiceUnavailable", e.errorCode());
    assertEquals(Status.Code.UNAVAILABLE, e.statusCode());
    assertEquals(3, first.calls().size());
  }

  @Test
  void failsOverToAnotherEndpointWhenOneIsDown() throws IOException {
    LanyardClient client = client("127.0.0.1:" + closedPort() + "," + first.endpoint());
    for (int i = 0; i < 6; i++) {
      assertEquals(USER.accessKeyId(), client.getCallerIdentity().getUserId());
    }
    assertEquals(6, first.calls().size());
  }

  @Test
  void spreadsCallsRoundRobin() {
    LanyardClient client = client(first.endpoint() + "," + second.endpoint());
    for (int i = 0; i < 6; i++) {
      client.getCallerIdentity();
    }
    assertEquals(3, first.calls().size());
    assertEquals(3, second.calls().size());
  }

  @Test
  void neverRetriesARefusedCredential() {
    first.failNext(StsTestServer.failure(Status.Code.PERMISSION_DENIED, "AccessDenied", true, "req-1"));
    second.failNext(StsTestServer.failure(Status.Code.UNAUTHENTICATED, "InvalidClientTokenId", true, "req-2"));
    LanyardClient client = client(first.endpoint());
    LanyardServiceException denied = assertThrows(LanyardServiceException.class, () -> client.assumeRole(ASSUME));
    assertEquals("AccessDenied", denied.errorCode());
    assertEquals("req-1", denied.requestId());
    assertTrue(denied.getMessage().contains("req-1"), denied.getMessage());
    assertEquals(1, first.calls().size());
    LanyardClient other = client(second.endpoint());
    LanyardServiceException unauthenticated = assertThrows(LanyardServiceException.class, other::getCallerIdentity);
    assertEquals("InvalidClientTokenId", unauthenticated.errorCode());
    assertEquals(1, second.calls().size());
  }

  @Test
  void retriesWhatTheServerMarksRetryableAndNothingElse() {
    first.failNext(StsTestServer.failure(Status.Code.RESOURCE_EXHAUSTED, "Throttling", true, "req-3"));
    LanyardClient client = client(first.endpoint());
    client.assumeRole(ASSUME);
    assertEquals(2, first.calls().size());
    first.failNext(StsTestServer.failure(Status.Code.INVALID_ARGUMENT, "ValidationError", false, "req-4"));
    LanyardServiceException e = assertThrows(LanyardServiceException.class, () -> client.assumeRole(ASSUME));
    assertEquals("ValidationError", e.errorCode());
    assertEquals(3, first.calls().size());
  }

  @Test
  void everyCallHasADeadlineAndOnlyIdempotentCallsRetryIt() {
    LanyardClient client = track(LanyardClient.builder()
        .endpoints(first.endpoint())
        .tls(ClientTls.plaintextConnections())
        .credentials(new StaticCredentialsProvider(USER))
        .retry(new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(1)))
        .deadline(Duration.ofMillis(200))
        .build());
    client.getCallerIdentity(); // connect first, so that the deadline measures the call only
    first.delay(Duration.ofMillis(400));
    LanyardServiceException timeout = assertThrows(LanyardServiceException.class, () -> client.assumeRole(ASSUME));
    assertEquals("RequestTimeout", timeout.errorCode());
    assertEquals(1 + 2, first.calls().size(), "AssumeRole retried once after its deadline");
    assertThrows(LanyardServiceException.class, () -> client.assumeRoleWithSAML(AssumeRoleWithSAMLRequest.newBuilder()
        .setRoleArn("arn:aws:iam::123456789012:role/app").build()));
    assertEquals(1 + 2 + 1, first.calls().size(), "a SAML assertion is not replayed after a deadline");
  }

  @Test
  void federationCallsAreUnsigned() {
    LanyardClient unsigned = track(LanyardClient.builder()
        .endpoints(first.endpoint()).tls(ClientTls.plaintextConnections()).build());
    unsigned.assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest.newBuilder()
        .setRoleArn("arn:aws:iam::123456789012:role/web").setRoleSessionName("s").setWebIdentityToken("jwt").build());
    assertEquals("", first.calls().get(0).signingKeyId());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> unsigned.assumeRole(ASSUME));
    assertTrue(e.getMessage().startsWith("credentials:"), e.getMessage());
  }

  @Test
  void iamStubsShareTheChannelsAndSigning() {
    LanyardClient client = client(first.endpoint());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> client.iam().getUser(GetUserRequest.getDefaultInstance()));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode(), "reached the test server, which has no IAM");
  }

  @Test
  void endpointsComeFromTheEnvironment() {
    LanyardClient client = track(LanyardClient.builder()
        .environment(Map.of("LANYARD_ENDPOINT", first.endpoint() + " , " + second.endpoint(), "LANYARD_PLAINTEXT", "true"))
        .credentials(new StaticCredentialsProvider(USER))
        .build());
    client.getCallerIdentity();
    client.getCallerIdentity();
    assertEquals(1, first.calls().size());
    assertEquals(1, second.calls().size());
  }
}
