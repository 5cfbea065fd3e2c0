package dev.lanyard.sts.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final JOSEObjectType TYPE = new JOSEObjectType("test+jwt");

  private static SigningKey activeKey(KeyAlgorithm algorithm, long seed) {
    SigningKey key = SigningKey.generate(algorithm, T0, TestRandom.seeded(seed));
    return key.withLifecycle(key.lifecycle().activated(T0));
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void generatedKeyIsNextWithThumbprintKidAndPublicJwk(KeyAlgorithm algorithm) throws Exception {
    SigningKey key = SigningKey.generate(algorithm, T0, TestRandom.seeded(1));
    assertEquals(KeyState.NEXT, key.state());
    assertEquals(key.publicJwk().computeThumbprint().toString(), key.kid());
    assertFalse(key.publicJwk().isPrivate());
    assertEquals(algorithm.jwsAlgorithm(), key.publicJwk().getAlgorithm());
    assertEquals("sig", key.publicJwk().getKeyUse().identifier());
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void signsAndVerifiesWithHeaderNamingKidAlgAndType(KeyAlgorithm algorithm) throws Exception {
    SigningKey key = activeKey(algorithm, 2);
    String compact = key.sign(TYPE, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    JWSObject jws = JWSObject.parse(compact);
    assertEquals(key.kid(), jws.getHeader().getKeyID());
    assertEquals(algorithm.jwsAlgorithm(), jws.getHeader().getAlgorithm());
    assertEquals(TYPE, jws.getHeader().getType());
    assertTrue(key.verifies(jws));
    assertFalse(activeKey(algorithm, 3).verifies(JWSObject.parse(compact)),
        "another key of the same algorithm must not verify");
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void exportedKeyRestoresToTheSameKey(KeyAlgorithm algorithm) throws Exception {
    SigningKey key = activeKey(algorithm, 4);
    SigningKey restored =
        SigningKey.restore(key.lifecycle(), algorithm, key.exportPrivateKeyForSealing());
    assertEquals(key.kid(), restored.kid());
    assertEquals(key.publicJwk(), restored.publicJwk());
    String compact = restored.sign(TYPE, new byte[] {'{', '}'});
    assertTrue(key.verifies(JWSObject.parse(compact)));
  }

  @Test
  void restoreRefusesWrongAlgorithmWrongKidAndGarbageWithoutEchoingIt() {
    SigningKey ed = activeKey(KeyAlgorithm.ED25519, 5);
    byte[] material = ed.exportPrivateKeyForSealing();
    assertThrows(IllegalArgumentException.class,
        () -> SigningKey.restore(ed.lifecycle(), KeyAlgorithm.ES256, material));
    KeyLifecycle otherKid = KeyLifecycle.next("someone-else", T0);
    assertThrows(IllegalArgumentException.class,
        () -> SigningKey.restore(otherKid, KeyAlgorithm.ED25519, material));
    byte[] publicOnly = ed.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class,
        () -> SigningKey.restore(ed.lifecycle(), KeyAlgorithm.ED25519, publicOnly));
    byte[] garbage = "{\"d\":\"c2VjcmV0LXNlZWQ\"".getBytes(StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SigningKey.restore(ed.lifecycle(), KeyAlgorithm.ED25519, garbage));
    assertFalse(e.getMessage().contains("c2VjcmV0LXNlZWQ"), e.getMessage());
  }

  @Test
  void exportCarriesThePrivatePartOnlyThere() throws Exception {
    SigningKey key = activeKey(KeyAlgorithm.ED25519, 6);
    JWK exported = JWK.parse(new String(key.exportPrivateKeyForSealing(), StandardCharsets.UTF_8));
    assertTrue(exported.isPrivate());
    String d = exported.toOctetKeyPair().getD().toString();
    assertFalse(key.toString().contains(d));
    assertFalse(key.publicJwk().toJSONString().contains(d));
    assertTrue(key.toString().contains(key.kid()));
    assertArrayEquals(key.exportPrivateKeyForSealing(), key.exportPrivateKeyForSealing());
  }

  @Test
  void nextAndRetiredKeysDoNotSign() {
    SigningKey next = SigningKey.generate(KeyAlgorithm.ED25519, T0, TestRandom.seeded(7));
    assertThrows(IllegalStateException.class, () -> next.sign(TYPE, new byte[] {'{', '}'}));
    SigningKey retired = next.withLifecycle(next.lifecycle().activated(T0).retired(T0));
    assertThrows(IllegalStateException.class, () -> retired.sign(TYPE, new byte[] {'{', '}'}));
  }

  @Test
  void verifiesRefusesAHeaderNamingAnotherAlgorithm() throws Exception {
    SigningKey key = activeKey(KeyAlgorithm.ED25519, 8);
    JWSObject genuine = JWSObject.parse(key.sign(TYPE, new byte[] {'{', '}'}));
    String[] parts = genuine.serialize().split("\\.");
    String relabelled = com.nimbusds.jose.util.Base64URL.encode(
        "{\"alg\":\"" + JWSAlgorithm.Ed25519.getName() + "\",\"kid\":\"" + key.kid() + "\"}")
        + "." + parts[1] + "." + parts[2];
    assertFalse(key.verifies(JWSObject.parse(relabelled)));
  }

  @Test
  void algorithmNamesParseIgnoringCaseAndUnknownNamesListTheChoices() {
    assertEquals(KeyAlgorithm.ED25519, KeyAlgorithm.parse("ed25519"));
    assertEquals(KeyAlgorithm.ES256, KeyAlgorithm.parse("ES256"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyAlgorithm.parse("RS256"));
    assertTrue(e.getMessage().contains("Ed25519") && e.getMessage().contains("ES256"));
    assertEquals(KeyAlgorithm.ED25519, KeyAlgorithm.fromJwsName("EdDSA"));
    assertEquals(KeyAlgorithm.ES256, KeyAlgorithm.fromJwsName("ES256"));
    assertThrows(IllegalArgumentException.class, () -> KeyAlgorithm.fromJwsName("Ed25519"));
  }
}
