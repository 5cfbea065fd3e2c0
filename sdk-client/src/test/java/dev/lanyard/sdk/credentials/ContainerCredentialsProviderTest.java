package dev.lanyard.sdk.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container provider against a loopback HTTP server that checks the Authorization header. */
class ContainerCredentialsProviderTest {
  private static final String BODY = """
      {"AccessKeyId": "ASIACONTAINER0000001", "SecretAccessKey": "container/secret",
       "Token": "container-token", "Expiration": "2026-06-01T12:00:00Z", "RoleArn": "arn:aws:iam::1:role/x"}
      """;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private volatile String expectedToken = "token-1";
  private HttpServer server;
  private String base;

  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      seen.add(exchange.getRequestURI().getPath() + " " + authorization);
      boolean ok = expectedToken == null || expectedToken.equals(authorization);
      byte[] bytes = (ok ? BODY : "{\"message\":\"denied\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(ok ? 200 : 403, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ContainerCredentialsProvider provider(Map<String, String> env) {
    return new ContainerCredentialsProvider(env, URI.create(base), Duration.ofSeconds(2));
  }

  @Test
  void fullUriWithAnAuthorizationToken() {
    Credentials credentials = provider(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", base + "/credentials",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token-1")).resolve();
    assertEquals("ASIACONTAINER0000001", credentials.accessKeyId());
    assertEquals("container-token", credentials.sessionToken());
    assertEquals(Instant.parse("2026-06-01T12:00:00Z"), credentials.expiration());
    assertEquals(List.of("/credentials token-1"), seen);
  }

  @Test
  void relativeUriResolvesAgainstTheBaseAndTakesPrecedence() {
    expectedToken = null;
    provider(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", base + "/full")).resolve();
    assertEquals(List.of("/v2/credentials/abc null"), seen);
  }

  @Test
  void theTokenFileIsReadOnEveryCallAndWinsOverTheToken() throws IOException {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "token-1\n");
    ContainerCredentialsProvider provider = provider(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", base + "/c",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString(),
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored"));
    provider.resolve();
    Files.writeString(tokenFile, "token-2");
    expectedToken = "token-2";
    provider.resolve();
    assertEquals(List.of("/c token-1", "/c token-2"), seen);
  }

  @Test
  void aRefusedTokenIsReportedByStatusWithoutTheBody() {
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> provider(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", base + "/c",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong")).resolve());
    assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong"), e.getMessage());
  }

  @Test
  void plainHttpOnlyToLoopbackOrTheLinkLocalAddresses() {
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> provider(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://192.0.2.1/creds")).resolve());
    assertTrue(e.getMessage().startsWith("AWS_CONTAINER_CREDENTIALS_FULL_URI: a plain-http endpoint"), e.getMessage());
    assertTrue(seen.isEmpty());
  }

  @Test
  void notConfiguredSaysWhichSettingsAreMissing() {
    ContainerCredentialsProvider provider = provider(Map.of());
    assertFalse(provider.isConfigured());
    assertTrue(assertThrows(CredentialsUnavailableException.class, provider::resolve).getMessage()
        .contains("neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI"));
  }
}
