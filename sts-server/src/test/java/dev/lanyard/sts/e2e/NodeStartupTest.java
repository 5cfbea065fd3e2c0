package dev.lanyard.sts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node started on its embedded defaults, as {@code java -jar lanyard-server.jar} does. */
class NodeStartupTest {
  @TempDir Path dataDir;

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void firstStartWritesRootCredentialsOwnerOnlyAndServesWellKnownDocuments() throws Exception {
    try (RunningServer node = RunningServer.start(dataDir)) {
      Path creds = dataDir.resolve("root-credentials.json");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(creds)));
      JsonNode json = new ObjectMapper().readTree(Files.readString(creds));
      assertTrue(json.get("accountId").asText().matches("\\d{12}"));
      assertTrue(json.get("accessKeyId").asText().matches("AKIA[A-Z2-7]{16}"));
      assertEquals(40, json.get("secretAccessKey").asText().length());
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dataDir.resolve("kek"))));

      HttpResponse<String> jwks = get(node.httpPort(), "/.well-known/jwks.json");
      assertEquals(200, jwks.statusCode());
      JWKSet set = JWKSet.parse(jwks.body());
      assertFalse(set.getKeys().isEmpty());
      set.getKeys().forEach(k -> assertFalse(k.isPrivate(), "the JWKS must hold public keys only"));

      JsonNode discovery = new ObjectMapper().readTree(
          get(node.httpPort(), "/.well-known/openid-configuration").body());
      assertTrue(discovery.get("jwks_uri").asText().endsWith("/.well-known/jwks.json"));

      HttpResponse<String> health = get(node.httpPort(), "/healthz");
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"ready\":true"), health.body());

      HttpResponse<String> metrics = get(node.httpPort(), "/metrics");
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("lanyard_ready"), "metrics expose readiness");

      assertEquals(404, get(node.httpPort(), "/nope").statusCode());

      HealthCheckResponse grpcHealth = HealthGrpc.newBlockingStub(node.channel())
          .check(HealthCheckRequest.newBuilder().build());
      assertEquals(HealthCheckResponse.ServingStatus.SERVING, grpcHealth.getStatus());
    }
  }

  @Test
  void restartKeepsTheAccountKeysAndSigningKeys() throws Exception {
    String account;
    String jwksBefore;
    try (RunningServer node = RunningServer.start(dataDir)) {
      account = node.accountId;
      jwksBefore = get(node.httpPort(), "/.well-known/jwks.json").body();
    }
    String credsBefore = Files.readString(dataDir.resolve("root-credentials.json"));
    try (RunningServer node = RunningServer.start(dataDir)) {
      assertEquals(account, node.server().primaryAccountId());
      assertTrue(node.server().rootCredentialsFile().isEmpty(),
          "the root key is created on the first start only");
      assertEquals(credsBefore, Files.readString(dataDir.resolve("root-credentials.json")));
      assertEquals(JWKSet.parse(jwksBefore).getKeys().size(),
          JWKSet.parse(get(node.httpPort(), "/.well-known/jwks.json").body()).getKeys().size());
    }
  }
}
