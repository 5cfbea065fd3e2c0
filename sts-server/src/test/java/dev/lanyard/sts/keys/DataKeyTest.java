package dev.lanyard.sts.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class DataKeyTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final byte[] AAD = "context".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8);

  private static DataKey active(long seed) {
    DataKey key = DataKey.generate(T0, TestRandom.seeded(seed));
    return key.withLifecycle(key.lifecycle().activated(T0));
  }

  @Test
  void sealsAndOpensWithTheSameAssociatedData() throws Exception {
    DataKey key = active(1);
    byte[] sealed = key.seal(SECRET, AAD, TestRandom.seeded(2));
    assertEquals(12 + SECRET.length + 16, sealed.length);
    assertArrayEquals(SECRET, key.open(sealed, AAD));
  }

  @Test
  void eachSealUsesAFreshNonce() {
    DataKey key = active(1);
    java.security.SecureRandom random = TestRandom.seeded(3);
    assertFalse(java.util.Arrays.equals(key.seal(SECRET, AAD, random), key.seal(SECRET, AAD, random)));
  }

  @Test
  void otherAssociatedDataAlteredBytesOrAnotherKeyDoNotOpen() {
    DataKey key = active(1);
    byte[] sealed = key.seal(SECRET, AAD, TestRandom.seeded(2));
    assertThrows(AEADBadTagException.class,
        () -> key.open(sealed, "other".getBytes(StandardCharsets.UTF_8)));
    byte[] flipped = sealed.clone();
    flipped[20] ^= 1;
    assertThrows(AEADBadTagException.class, () -> key.open(flipped, AAD));
    assertThrows(AEADBadTagException.class, () -> active(9).open(sealed, AAD));
    assertThrows(AEADBadTagException.class, () -> key.open(new byte[10], AAD));
  }

  @Test
  void exportedBytesRestoreAKeyThatOpensWhatTheOriginalSealed() throws Exception {
    DataKey key = active(4);
    byte[] sealed = key.seal(SECRET, AAD, TestRandom.seeded(2));
    DataKey restored = DataKey.restore(key.lifecycle(), key.exportKeyForSealing());
    assertArrayEquals(SECRET, restored.open(sealed, AAD));
    assertThrows(IllegalArgumentException.class,
        () -> DataKey.restore(key.lifecycle(), new byte[16]));
  }

  @Test
  void onlyActiveKeysSealAndIdsDiffer() {
    DataKey next = DataKey.generate(T0, TestRandom.seeded(5));
    assertThrows(IllegalStateException.class, () -> next.seal(SECRET, AAD, TestRandom.seeded(1)));
    assertNotEquals(next.id(), DataKey.generate(T0, TestRandom.seeded(6)).id());
    assertEquals(12, next.id().length());
  }

  @Test
  void toStringShowsTheIdNotTheKey() {
    DataKey key = active(7);
    String b64 = Base64.getEncoder().encodeToString(key.exportKeyForSealing());
    String b64url = Base64.getUrlEncoder().withoutPadding().encodeToString(key.exportKeyForSealing());
    assertFalse(key.toString().contains(b64.substring(0, 20)));
    assertFalse(key.toString().contains(b64url.substring(0, 20)));
    assertEquals("DataKey[id=" + key.id() + ", state=ACTIVE]", key.toString());
  }
}
