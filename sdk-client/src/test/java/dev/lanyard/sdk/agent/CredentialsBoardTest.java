package dev.lanyard.sdk.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.cache.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialsBoardTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Credentials creds = Credentials.session("ASIAEXAMPLEEXAMPLE12", "secret-secret", "token-token",
      Instant.parse("2026-01-01T00:15:00Z"));

  @Test
  void publishedCredentialsAreServedUntilTheirExpirationAndNeverAfter() {
    CredentialsBoard board = new CredentialsBoard(clock);
    assertNull(board.servable());
    ServedCredentials served = ServedCredentials.of("web", creds, clock.instant());
    board.publish(served);
    assertSame(served, board.servable());
    clock.advance(Duration.ofMinutes(15).minusMillis(1));
    assertSame(served, board.servable());
    clock.advance(Duration.ofMillis(1));
    assertNull(board.servable());
    assertSame(served, board.latest());
  }

  @Test
  void theDocumentHasTheInstanceMetadataFieldsAndToStringNoSecret() throws Exception {
    ServedCredentials served = ServedCredentials.of("web", creds, Instant.parse("2026-01-01T00:00:00.123Z"));
    JsonNode json = new ObjectMapper().readTree(served.document());
    assertEquals("Success", json.get("Code").asText());
    assertEquals("AWS-HMAC", json.get("Type").asText());
    assertEquals("2026-01-01T00:00:00Z", json.get("LastUpdated").asText());
    assertEquals("ASIAEXAMPLEEXAMPLE12", json.get("AccessKeyId").asText());
    assertEquals("secret-secret", json.get("SecretAccessKey").asText());
    assertEquals("token-token", json.get("Token").asText());
    assertEquals("2026-01-01T00:15:00Z", json.get("Expiration").asText());
    assertFalse(served.toString().contains("secret-secret") || served.toString().contains("token-token"));
  }
}
