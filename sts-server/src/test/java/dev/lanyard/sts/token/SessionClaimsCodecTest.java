package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.sts.token.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionClaimsCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SessionClaims FULL = new SessionClaims("https://sts.example",
      TokenFixture.roleGrant(), Instant.parse("2025-01-01T00:00:00Z"),
      Instant.parse("2025-01-01T01:00:00Z"), "ASIAABCDEFGHIJKLMNOP",
      new SealedSecret("dk1", "c2VhbGVk"));

  @Test
  void everyFieldSurvivesTheRoundTrip() throws Exception {
    assertEquals(FULL, SessionClaimsCodec.decode(SessionClaimsCodec.encode(FULL)));
    SessionGrant minimal = SessionGrant.builder().principalType(SessionPrincipalType.ACCOUNT)
        .principalArn("arn:aws:iam::123456789012:root").accountId("123456789012").build();
    SessionClaims bare = new SessionClaims("i", minimal, FULL.issuedAt(), FULL.expiresAt(),
        FULL.accessKeyId(), FULL.sealedSecret());
    byte[] encoded = SessionClaimsCodec.encode(bare);
    assertEquals(bare, SessionClaimsCodec.decode(encoded));
    String text = new String(encoded, StandardCharsets.UTF_8);
    for (String absent : List.of(SessionTokenFormat.TAGS, SessionTokenFormat.MFA_AUTH_TIME,
        SessionTokenFormat.POLICY, SessionTokenFormat.CHAIN_DEPTH, SessionTokenFormat.FEDERATION)) {
      assertFalse(text.contains(absent), "empty optional claim written: " + absent);
    }
  }

  @Test
  void unknownClaimsAreIgnoredForNewerNodes() throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree(SessionClaimsCodec.encode(FULL));
    payload.put("lan:future", "x");
    assertEquals(FULL, SessionClaimsCodec.decode(JSON.writeValueAsBytes(payload)));
  }

  @Test
  void wrongTypesMissingClaimsAndBrokenRulesAreMalformedWithoutEchoingValues() throws Exception {
    assertMalformed(with(SessionTokenFormat.EXPIRES_AT, "\"soon\""), "soon");
    assertMalformed(with(SessionTokenFormat.ISSUED_AT, "1.5"), null);
    assertMalformed(with(SessionTokenFormat.TAGS, "{\"k\":1}"), null);
    assertMalformed(with(SessionTokenFormat.POLICY_ARNS, "\"arn\""), null);
    assertMalformed(with(SessionTokenFormat.PRINCIPAL_TYPE, "\"Wizard\""), "Wizard");
    assertMalformed(with(SessionTokenFormat.ACCOUNT, "\"evil-account-value\""), "evil-account-value");
    ObjectNode payload = (ObjectNode) JSON.readTree(SessionClaimsCodec.encode(FULL));
    payload.remove(SessionTokenFormat.ACCESS_KEY_ID);
    assertMalformed(JSON.writeValueAsBytes(payload), null);
    assertMalformed("[]".getBytes(StandardCharsets.UTF_8), null);
    assertMalformed("{".getBytes(StandardCharsets.UTF_8), null);
  }

  private static byte[] with(String claim, String rawJsonValue) throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree(SessionClaimsCodec.encode(FULL));
    payload.set(claim, JSON.readTree(rawJsonValue));
    return JSON.writeValueAsBytes(payload);
  }

  private static void assertMalformed(byte[] payload, String notEchoed) {
    TokenRejectedException e = assertThrows(TokenRejectedException.class,
        () -> SessionClaimsCodec.decode(payload));
    assertEquals(Reason.MALFORMED, e.reason());
    if (notEchoed != null) {
      assertFalse(e.getMessage().contains(notEchoed), e.getMessage());
    }
  }
}
