package dev.lanyard.sts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.proto.iam.v1.AddRoleToInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.CreateInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.CreateJoinTokenRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.ListInstancesRequest;
import dev.lanyard.proto.iam.v1.RevokeInstanceRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.sdk.credentials.AgentSocketCredentialsProvider;
import dev.lanyard.sdk.agent.HostAgent;
import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.Endpoint;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.CredentialsUnavailableException;
import dev.lanyard.sdk.credentials.cache.RefreshSettings;
import dev.lanyard.sts.config.Setting;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;

/**
 * The host agent against a real node over real sockets: enrolment, the three endpoints (and the AWS
 * SDK for Java v2 reading two of them), restart without re-enrolling, revocation, and an outage.
 */
class AgentEndToEndTest {
  private static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  /** 15-minute sessions refreshed about every second: refreshes are observable in test time. */
  private static final RefreshSettings EVERY_SECOND = new RefreshSettings(Duration.ofSeconds(899),
      Duration.ofSeconds(60), Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(1));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private RunningServer node;
  private HostAgent agent;

  @BeforeEach
  void startNode() throws Exception {
    node = RunningServer.start(dir.resolve("node"));
    var iam = node.iam(node.root);
    iam.createRole(CreateRoleRequest.newBuilder().setRoleName("web").setAssumeRolePolicyDocument(EC2_TRUST).build());
    iam.createInstanceProfile(CreateInstanceProfileRequest.newBuilder().setInstanceProfileName("web").build());
    iam.addRoleToInstanceProfile(AddRoleToInstanceProfileRequest.newBuilder().setInstanceProfileName("web")
        .setRoleName("web").build());
  }

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private String joinToken() {
    return node.iam(node.root).createJoinToken(CreateJoinTokenRequest.newBuilder().setInstanceProfileName("web")
        .build()).getJoinToken();
  }

  private HostAgent startAgent(String joinToken, RefreshSettings refresh, Clock clock) throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    return HostAgent.builder()
        .endpoints(List.of(new Endpoint("127.0.0.1", node.grpcPort())))
        .tls(ClientTls.plaintextConnections())
        .joinToken(joinToken)
        .stateDir(dir.resolve("state"))
        .imdsAddress(new InetSocketAddress(loopback, 0))
        .containerAddress(new InetSocketAddress(loopback, 0))
        .containerTokenFile(dir.resolve("container-token"))
        .durationSeconds(900)
        .refresh(refresh)
        .checkInterval(Duration.ofMillis(100))
        .callDeadline(Duration.ofSeconds(2))
        .clock(clock)
        .start();
  }

  private String imds() {
    return "http://127.0.0.1:" + agent.imdsAddress().getPort();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String imdsToken() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(imds() + "/latest/api/token"))
        .PUT(HttpRequest.BodyPublishers.noBody()).header("X-aws-ec2-metadata-token-ttl-seconds", "300"));
    assertEquals(200, r.statusCode());
    return r.body();
  }

  private HttpResponse<String> imdsGet(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(imds() + path)).GET();
    if (token != null) {
      b.header("X-aws-ec2-metadata-token", token);
    }
    return send(b);
  }

  /** The credentials the IMDS endpoint serves now, or null when it serves none. */
  private JsonNode imdsCredentials() throws Exception {
    HttpResponse<String> r = imdsGet("/latest/meta-data/iam/security-credentials/web", imdsToken());
    return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }

  private String servedKey() {
    try {
      JsonNode c = imdsCredentials();
      return c == null ? null : c.get("AccessKeyId").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void enrolsAndServesTheRoleCredentialsThroughAllThreeEndpoints() throws Exception {
    agent = startAgent(joinToken(), RefreshSettings.DEFAULTS, Clock.systemUTC());
    String id = agent.instanceId();
    assertTrue(id.matches("i-[0-9a-f]{17}"), id);
    Path state = dir.resolve("state");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("host-key"))));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("agent.sock"))));
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("container-token"))));
    assertTrue(Files.readString(state.resolve("instance.json")).contains(id));

    // IMDSv2
    String token = imdsToken();
    assertEquals(401, imdsGet("/latest/meta-data/iam/security-credentials/", null).statusCode());
    assertEquals(401, imdsGet("/latest/meta-data/iam/security-credentials/", token + "x").statusCode());
    assertEquals(403, send(HttpRequest.newBuilder(URI.create(imds() + "/latest/api/token"))
        .PUT(HttpRequest.BodyPublishers.noBody()).header("X-aws-ec2-metadata-token-ttl-seconds", "60")
        .header("X-Forwarded-For", "192.0.2.1")).statusCode());
    for (String ttl : new String[] {"0", "21601", "soon"}) {
      assertEquals(400, send(HttpRequest.newBuilder(URI.create(imds() + "/latest/api/token"))
          .PUT(HttpRequest.BodyPublishers.noBody()).header("X-aws-ec2-metadata-token-ttl-seconds", ttl)).statusCode());
    }
    assertEquals("web", imdsGet("/latest/meta-data/iam/security-credentials/", token).body());
    assertEquals(id, imdsGet("/latest/meta-data/instance-id", token).body());
    assertEquals(404, imdsGet("/latest/meta-data/iam/security-credentials/other", token).statusCode());
    JsonNode doc = JSON.readTree(imdsGet("/latest/meta-data/iam/security-credentials/web", token).body());
    assertEquals("Success", doc.get("Code").asText());
    assertEquals("AWS-HMAC", doc.get("Type").asText());
    assertTrue(doc.hasNonNull("LastUpdated"));
    String keyId = doc.get("AccessKeyId").asText();
    Instant expiration = Instant.parse(doc.get("Expiration").asText());
    assertTrue(expiration.isAfter(Instant.now().plusSeconds(800)), "asked for 900 s: " + expiration);

    // the credentials work against the node, as the instance's role session
    Credentials creds = Credentials.session(keyId, doc.get("SecretAccessKey").asText(), doc.get("Token").asText(),
        expiration);
    GetCallerIdentityResponse who = node.sts(creds).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/web/" + id, who.getArn());
    assertTrue(who.getUserId().startsWith("AROA") && who.getUserId().endsWith(":" + id), who.getUserId());

    // container endpoint
    String containerToken = Files.readString(dir.resolve("container-token")).strip();
    URI containerUri = URI.create("http://127.0.0.1:" + agent.containerAddress().getPort() + "/credentials");
    assertEquals(401, send(HttpRequest.newBuilder(containerUri).GET()).statusCode());
    assertEquals(403, send(HttpRequest.newBuilder(containerUri).GET().header("Authorization", "wrong")).statusCode());
    HttpResponse<String> container = send(HttpRequest.newBuilder(containerUri).GET()
        .header("Authorization", containerToken));
    assertEquals(200, container.statusCode());
    assertEquals(keyId, JSON.readTree(container.body()).get("AccessKeyId").asText());

    // Unix socket, through the SDK provider
    Credentials fromSocket = new AgentSocketCredentialsProvider(agent.socketPath()).resolve();
    assertEquals(keyId, fromSocket.accessKeyId());
    assertEquals(creds.sessionToken(), fromSocket.sessionToken());

    // the AWS SDK for Java v2, unmodified
    try (InstanceProfileCredentialsProvider aws = InstanceProfileCredentialsProvider.builder().endpoint(imds()).build()) {
      AwsCredentials c = aws.resolveCredentials();
      assertEquals(keyId, c.accessKeyId());
      assertEquals(creds.sessionToken(), ((AwsSessionCredentials) c).sessionToken());
    }
    System.setProperty("aws.containerCredentialsFullUri", containerUri.toString());
    System.setProperty("aws.containerAuthorizationToken", containerToken);
    try (ContainerCredentialsProvider aws = ContainerCredentialsProvider.builder().build()) {
      AwsCredentials c = aws.resolveCredentials();
      assertEquals(keyId, c.accessKeyId());
      assertEquals(creds.secretAccessKey(), c.secretAccessKey());
    } finally {
      System.clearProperty("aws.containerCredentialsFullUri");
      System.clearProperty("aws.containerAuthorizationToken");
    }

    var listed = node.iam(node.root).listInstances(ListInstancesRequest.getDefaultInstance()).getInstancesList();
    assertEquals(1, listed.size());
    assertEquals(id, listed.get(0).getInstanceId());
    assertTrue(listed.get(0).hasLastRefreshDate(), "the refresh is recorded");
  }

  @Test
  void aRestartReusesTheEnrolmentAndARevokedInstanceIsRefusedOnRefresh() throws Exception {
    agent = startAgent(joinToken(), RefreshSettings.DEFAULTS, Clock.systemUTC());
    String id = agent.instanceId();
    String key = Files.readString(dir.resolve("state").resolve("instance.json"));
    agent.close();
    agent = null;

    agent = startAgent(null, EVERY_SECOND, Clock.systemUTC()); // no join token: it must not enrol again
    assertEquals(id, agent.instanceId());
    assertEquals(key, Files.readString(dir.resolve("state").resolve("instance.json")));
    String first = servedKey();
    assertTrue(first != null && first.startsWith("ASIA"), "served after the restart");
    await("a refresh replaced the credentials", () -> !first.equals(servedKey()));
    assertEquals(1, node.iam(node.root).listInstances(ListInstancesRequest.getDefaultInstance()).getInstancesCount());

    Credentials live = new AgentSocketCredentialsProvider(agent.socketPath()).resolve();
    dev.lanyard.proto.authz.v1.AuthorizeRequest ask = dev.lanyard.proto.authz.v1.AuthorizeRequest.newBuilder()
        .setAction("sts:GetCallerIdentity").setResource("*").build();
    assertNotEquals(dev.lanyard.proto.authz.v1.Decision.EXPLICIT_DENY, node.authz(live).authorize(ask).getDecision());

    node.iam(node.root).revokeInstance(RevokeInstanceRequest.newBuilder().setInstanceId(id).build());
    await("a refresh was refused", () -> agent.lastProblem() != null && agent.lastProblem().contains("revoked"));
    assertTrue(agent.lastProblem().contains("AccessDenied"), agent.lastProblem());
    // The credentials issued before the revocation are refused too, not only the next refresh.
    assertEquals(dev.lanyard.proto.authz.v1.Decision.EXPLICIT_DENY,
        node.authz(live).authorize(ask).getDecision());
  }

  @Test
  void throughAnOutageTheAgentServesUntilExpiryAndRefreshResumesWhenANodeReturns() throws Exception {
    ShiftedClock clock = new ShiftedClock();
    agent = startAgent(joinToken(), EVERY_SECOND, clock);
    String first = servedKey();
    await("the agent refreshes", () -> !first.equals(servedKey()));

    int port = node.grpcPort();
    node.close();
    node = null;
    await("a refresh failed", () -> agent.lastProblem() != null);
    String during = servedKey();
    assertTrue(during != null, "the last credentials are still served while the node is down");
    Thread.sleep(1500);
    assertEquals(during, servedKey(), "nothing new while the node is down");
    assertTrue(agent.lastProblem() != null);

    node = RunningServer.start(dir.resolve("node"), Map.of(Setting.GRPC_PORT, Integer.toString(port)),
        Clock.systemUTC());
    await("refresh resumes on its own", () -> agent.lastProblem() == null && !during.equals(servedKey()));
    JsonNode fresh = imdsCredentials();
    Credentials creds = Credentials.session(fresh.get("AccessKeyId").asText(), fresh.get("SecretAccessKey").asText(),
        fresh.get("Token").asText(), Instant.parse(fresh.get("Expiration").asText()));
    assertTrue(node.sts(creds).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()).getArn()
        .endsWith("/" + agent.instanceId()));

    node.close();
    node = null;
    await("a refresh failed", () -> agent.lastProblem() != null);
    String last = servedKey();
    Instant expiry = Instant.parse(imdsCredentials().get("Expiration").asText());
    clock.jumpTo(expiry.minusSeconds(5));
    assertEquals(last, servedKey(), "stale for the cache, but valid: still served until expiry");
    clock.jumpTo(expiry.plusSeconds(1));
    assertEquals(null, servedKey(), "expired credentials are never served");
    String containerToken = Files.readString(dir.resolve("container-token")).strip();
    assertEquals(503, send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.containerAddress().getPort()
        + "/credentials")).GET().header("Authorization", containerToken)).statusCode());
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> new AgentSocketCredentialsProvider(agent.socketPath()).resolve());
    assertTrue(e.getMessage().contains("Unavailable"), e.getMessage());
    assertFalse(e.getMessage().contains(last), "no key in the message");
    assertNotEquals(null, agent.lastProblem());
  }
}
