package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyChanges;
import dev.lanyard.sts.keys.KeyRingChanges;
import dev.lanyard.sts.token.TokenRejectedException.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedSessionCacheTest {
  private final TokenFixture node = new TokenFixture(KeyAlgorithm.ED25519);

  @Test
  void aSecondVerificationIsServedFromTheCache() throws Exception {
    SessionTokenVerifier verifier = node.verifier(100);
    String token = node.issue(Duration.ofHours(1)).credentials().sessionToken();
    VerifiedSession first = verifier.verify(token);
    assertSame(first, verifier.verify(token));
    assertEquals(1, verifier.cachedSessions());

    SessionTokenVerifier uncached = node.verifier(0);
    assertNotSame(uncached.verify(token), uncached.verify(token));
  }

  @Test
  void anEntryIsNeverServedPastItsTokensExpiry() throws Exception {
    SessionTokenVerifier verifier = node.verifier(100);
    String shortLived = node.issue(Duration.ofMinutes(15)).credentials().sessionToken();
    String longLived = node.issue(Duration.ofHours(2)).credentials().sessionToken();
    verifier.verify(shortLived);
    verifier.verify(longLived);
    assertEquals(2, verifier.cachedSessions());

    node.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    verifier.verify(shortLived);
    node.clock.advance(Duration.ofSeconds(1));
    assertEquals(1, verifier.cachedSessions(), "the cache dropped the expired entry by itself");
    assertEquals(Reason.EXPIRED,
        assertThrows(TokenRejectedException.class, () -> verifier.verify(shortLived)).reason());
    verifier.verify(longLived);

    node.clock.advance(Duration.ofHours(2));
    assertEquals(0, verifier.cachedSessions());
    assertEquals(Reason.EXPIRED,
        assertThrows(TokenRejectedException.class, () -> verifier.verify(longLived)).reason());
  }

  @Test
  void theCacheIsBounded() throws Exception {
    SessionTokenVerifier verifier = node.verifier(3);
    for (int i = 0; i < 10; i++) {
      verifier.verify(node.issue(Duration.ofHours(1)).credentials().sessionToken());
    }
    assertTrue(verifier.cachedSessions() <= 3, "held " + verifier.cachedSessions());
  }

  @Test
  void aCachedSessionWhoseKeyWasWithdrawnIsRefused() throws Exception {
    SessionTokenVerifier verifier = node.verifier(100);
    String token = node.issue(Duration.ofHours(1)).credentials().sessionToken();
    VerifiedSession verified = verifier.verify(token);
    node.repository.apply(new KeyRingChanges(
        new KeyChanges<>(List.of(), List.of(), List.of(verified.signingKeyId())),
        KeyChanges.none()));
    node.rings.reload();
    assertEquals(Reason.UNKNOWN_KEY,
        assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason());
    assertEquals(0, verifier.cachedSessions());
  }

  @Test
  void negativeSizesAndOutOfRangeSkewsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> node.verifier(-1));
    assertThrows(IllegalArgumentException.class, () -> new SessionTokenVerifier(
        TokenFixture.ISSUER, node.rings, node.clock, Duration.ofMinutes(6), 10));
  }
}
