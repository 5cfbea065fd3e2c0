package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import dev.lanyard.sts.keys.InMemoryKeyRingRepository;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.keys.TestRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionTokenRoundTripTest {

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void mintedSessionVerifiesWithTheSameClaimsAndSecret(KeyAlgorithm algorithm) throws Exception {
    TokenFixture node = new TokenFixture(algorithm);
    IssuedSession issued = node.issue(Duration.ofHours(1));

    VerifiedSession verified = node.verifier(0).verify(issued.credentials().sessionToken());

    assertEquals(issued.claims(), verified.claims());
    assertEquals(TokenFixture.roleGrant(), verified.claims().grant());
    assertEquals(issued.credentials().secretAccessKey().reveal(), verified.secret().reveal());
    assertEquals(issued.credentials().accessKeyId(), verified.accessKeyId());
    assertEquals(TokenFixture.T0.plusSeconds(3600), verified.expiresAt());
    assertEquals(issued.credentials().expiration(), verified.expiresAt());
    assertEquals(TokenFixture.T0, verified.claims().issuedAt());
    assertEquals(TokenFixture.ISSUER, verified.claims().issuer());
    assertEquals(node.rings.current().signing().activeKey().kid(), verified.signingKeyId());
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void tokenHeaderNamesTheActiveKeyItsAlgorithmAndTheSessionType(KeyAlgorithm algorithm)
      throws Exception {
    TokenFixture node = new TokenFixture(algorithm);
    JWSObject jws = JWSObject.parse(node.issue(Duration.ofHours(1)).credentials().sessionToken());
    assertEquals(algorithm.jwsAlgorithm(), jws.getHeader().getAlgorithm());
    assertEquals(node.rings.current().signing().activeKey().kid(), jws.getHeader().getKeyID());
    assertEquals("lanyard-session+jwt", jws.getHeader().getType().getType());
    assertEquals(java.util.Set.of("alg", "kid", "typ"), jws.getHeader().getIncludedParams());
  }

  @Test
  void payloadCarriesDocumentedClaimsAndNoPlainSecret() throws Exception {
    TokenFixture node = new TokenFixture(KeyAlgorithm.ED25519);
    IssuedSession issued = node.issue(Duration.ofHours(1));
    Map<String, Object> payload =
        JWSObject.parse(issued.credentials().sessionToken()).getPayload().toJSONObject();
    assertEquals("arn:aws:sts::123456789012:assumed-role/Deployer/ci-run-42", payload.get("sub"));
    assertEquals("AssumedRole", payload.get(SessionTokenFormat.PRINCIPAL_TYPE));
    assertEquals("AROAEXAMPLEROLEID0001:ci-run-42", payload.get(SessionTokenFormat.USER_ID));
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
        + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::my bucket/*\"}]}",
        payload.get(SessionTokenFormat.POLICY));
    assertEquals(issued.credentials().accessKeyId(), payload.get(SessionTokenFormat.ACCESS_KEY_ID));
    assertEquals(node.rings.current().data().activeKey().id(),
        payload.get(SessionTokenFormat.DATA_KEY_ID));
    String secret = issued.credentials().secretAccessKey().reveal();
    assertFalse(issued.credentials().sessionToken().contains(secret));
    assertFalse(payload.toString().contains(secret));
  }

  @Test
  void credentialsHaveAwsShapesAndEachSessionIsFresh() {
    TokenFixture node = new TokenFixture(KeyAlgorithm.ED25519);
    IssuedSession a = node.issue(Duration.ofMinutes(15));
    IssuedSession b = node.issue(Duration.ofMinutes(15));
    assertTrue(a.credentials().accessKeyId().matches("ASIA[A-Z2-7]{16}"));
    assertTrue(a.credentials().secretAccessKey().reveal().matches("[A-Za-z0-9+/]{40}"));
    assertNotEquals(a.credentials().accessKeyId(), b.credentials().accessKeyId());
    assertNotEquals(a.credentials().secretAccessKey().reveal(),
        b.credentials().secretAccessKey().reveal());
  }

  @Test
  void nothingPrintsTheSecretOrTheToken() throws Exception {
    TokenFixture node = new TokenFixture(KeyAlgorithm.ED25519);
    IssuedSession issued = node.issue(Duration.ofHours(1));
    String secret = issued.credentials().secretAccessKey().reveal();
    String token = issued.credentials().sessionToken();
    VerifiedSession verified = node.verifier(10).verify(token);
    for (String printed : List.of(issued.toString(), issued.credentials().toString(),
        verified.toString(), verified.secret().toString(), issued.claims().toString())) {
      assertFalse(printed.contains(secret), printed);
      assertFalse(printed.contains(token), printed);
    }
    assertTrue(issued.credentials().toString().contains(issued.credentials().accessKeyId()));
  }

  @Test
  void durationsBeyondTheLongestTokenLifetimeOrBelowOneSecondAreRefused() {
    TokenFixture node = new TokenFixture(KeyAlgorithm.ED25519);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> node.issue(Duration.ofHours(36).plusSeconds(1)));
    assertTrue(e.getMessage().startsWith("DurationSeconds"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> node.issue(Duration.ZERO));
    assertEquals(TokenFixture.T0.plus(Duration.ofHours(36)),
        node.issue(Duration.ofHours(36)).credentials().expiration());
  }

  @Test
  void issuingBeforeAnyRotationFailsClearly() {
    LiveKeyRings empty = new LiveKeyRings(new InMemoryKeyRingRepository());
    SessionTokenIssuer issuer = new SessionTokenIssuer(TokenFixture.ISSUER, empty,
        Duration.ofHours(36), new MutableClock(TokenFixture.T0), TestRandom.seeded(1));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> issuer.issue(TokenFixture.roleGrant(), Duration.ofHours(1)));
    assertTrue(e.getMessage().contains("rotation"), e.getMessage());
  }
}
