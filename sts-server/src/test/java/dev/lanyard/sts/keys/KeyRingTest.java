package dev.lanyard.sts.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private static SigningKey key(long seed, KeyAlgorithm algorithm, Instant created) {
    return SigningKey.generate(algorithm, created, TestRandom.seeded(seed));
  }

  @Test
  void newestActiveKeySignsAndEveryKeyVerifies() {
    SigningKey retired = key(1, KeyAlgorithm.ED25519, T0);
    retired = retired.withLifecycle(retired.lifecycle().activated(T0).retired(T0.plusSeconds(20)));
    SigningKey older = key(2, KeyAlgorithm.ED25519, T0.plusSeconds(1));
    older = older.withLifecycle(older.lifecycle().activated(T0.plusSeconds(5)));
    SigningKey newer = key(3, KeyAlgorithm.ES256, T0.plusSeconds(2));
    newer = newer.withLifecycle(newer.lifecycle().activated(T0.plusSeconds(10)));
    SigningKey next = key(4, KeyAlgorithm.ED25519, T0.plusSeconds(3));

    KeyRing ring = KeyRing.of(List.of(next, newer, retired, older));
    assertSame(newer, ring.activeKey());
    for (SigningKey k : List.of(retired, older, newer, next)) {
      assertSame(k, ring.verificationKey(k.kid()).orElseThrow());
    }
    assertTrue(ring.verificationKey("nope").isEmpty());
    assertTrue(ring.verificationKey(null).isEmpty());
    assertEquals(List.of(retired.kid(), older.kid(), newer.kid(), next.kid()),
        ring.keys().stream().map(SigningKey::kid).toList());
  }

  @Test
  void jwksPublishesEveryKeyPublicOnly() throws Exception {
    SigningKey a = key(1, KeyAlgorithm.ED25519, T0);
    a = a.withLifecycle(a.lifecycle().activated(T0));
    SigningKey b = key(2, KeyAlgorithm.ES256, T0.plusSeconds(1));
    KeyRing ring = KeyRing.of(List.of(a, b));

    JWKSet parsed = JWKSet.parse(ring.jwks());
    assertEquals(2, parsed.getKeys().size());
    for (JWK jwk : parsed.getKeys()) {
      assertFalse(jwk.isPrivate());
    }
    assertEquals(a.publicJwk(), parsed.getKeyByKeyId(a.kid()));
    assertEquals(b.publicJwk(), parsed.getKeyByKeyId(b.kid()));
    assertFalse(ring.jwks().contains("\"d\""));
  }

  @Test
  void emptyRingHasNoActiveKeyAndDuplicateKidsAreRefused() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> KeyRing.empty().activeKey());
    assertTrue(e.getMessage().contains("rotation"));
    assertEquals("{\"keys\":[]}", KeyRing.empty().jwks());
    SigningKey a = key(1, KeyAlgorithm.ED25519, T0);
    assertThrows(IllegalArgumentException.class, () -> KeyRing.of(List.of(a, a)));
    assertThrows(IllegalStateException.class, () -> KeyRing.of(List.of(a)).activeKey());
  }

  @Test
  void dataKeyRingPicksNewestActiveAndFindsAnyById() {
    DataKey old = DataKey.generate(T0, TestRandom.seeded(1));
    old = old.withLifecycle(old.lifecycle().activated(T0).retired(T0.plusSeconds(9)));
    DataKey current = DataKey.generate(T0.plusSeconds(1), TestRandom.seeded(2));
    current = current.withLifecycle(current.lifecycle().activated(T0.plusSeconds(9)));
    DataKeyRing ring = DataKeyRing.of(List.of(current, old));
    assertSame(current, ring.activeKey());
    assertSame(old, ring.key(old.id()).orElseThrow());
    assertTrue(ring.key("missing").isEmpty());
    assertThrows(IllegalStateException.class, () -> DataKeyRing.empty().activeKey());
  }
}
