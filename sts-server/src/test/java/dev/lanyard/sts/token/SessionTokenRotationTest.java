package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.KeyState;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.keys.SigningKey;
import dev.lanyard.sts.keys.TestRandom;
import dev.lanyard.sts.token.TokenRejectedException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys rotate over simulated days on a two-node cluster sharing one repository: node A rotates and
 * issues, node B only reloads every six hours, yet verifies A's tokens at once; tokens signed by a
 * retired key verify until they expire, after which the key leaves the JWKS.
 */
class SessionTokenRotationTest {

  private record Minted(String token, String kid, java.time.Instant expiresAt) {}

  @Test
  void tokensOutliveTheirKeysActivityButNotTheirOwnExpiry() throws Exception {
    TokenFixture nodeA = new TokenFixture(KeyAlgorithm.ED25519);
    LiveKeyRings ringsB = new LiveKeyRings(nodeA.repository);
    KeyRotationJob jobB = new KeyRotationJob(nodeA.repository, nodeA.lock, ringsB,
        RotationPolicy.DEFAULT, KeyAlgorithm.ED25519, nodeA.clock, TestRandom.seeded(5));
    jobB.runOnce();
    SessionTokenVerifier verifierA = nodeA.verifier(1_000);
    SessionTokenVerifier verifierB = new SessionTokenVerifier(TokenFixture.ISSUER, ringsB,
        nodeA.clock, SessionTokenVerifier.DEFAULT_CLOCK_SKEW, 0);

    List<Minted> minted = new ArrayList<>();
    List<String> retiredKidsSeenVerifying = new ArrayList<>();
    for (int hour = 0; hour <= 24 * 5; hour += 3) {
      if (hour > 0) {
        nodeA.clock.advance(Duration.ofHours(3));
      }
      nodeA.job.runOnce();
      if (hour % 6 == 0) {
        ringsB.reload();
      }
      Duration lifetime = hour % 2 == 0 ? Duration.ofHours(12) : Duration.ofHours(36);
      IssuedSession session = nodeA.issue(lifetime);
      String token = session.credentials().sessionToken();
      minted.add(new Minted(token, JWSObject.parse(token).getHeader().getKeyID(),
          session.credentials().expiration()));

      JWKSet jwksA = JWKSet.parse(nodeA.rings.current().signing().jwks());
      for (Minted m : minted) {
        boolean live = nodeA.clock.instant().isBefore(m.expiresAt());
        if (live) {
          assertEquals(m.token(), tokenOf(verifierA.verify(m.token()), m));
          assertEquals(m.token(), tokenOf(verifierB.verify(m.token()), m));
          assertTrue(jwksA.getKeyByKeyId(m.kid()) != null, "a live token's key is published");
          SigningKey key = nodeA.rings.current().signing().verificationKey(m.kid()).orElseThrow();
          if (key.state() == KeyState.RETIRED) {
            retiredKidsSeenVerifying.add(m.kid());
          }
        } else {
          // Expired: EXPIRED while its key is still published; once the key is gone the signature
          // cannot be checked, so the token is an unknown key's (claims are never trusted unsigned).
          boolean keyPublished =
              nodeA.rings.current().signing().verificationKey(m.kid()).isPresent();
          assertEquals(keyPublished ? Reason.EXPIRED : Reason.UNKNOWN_KEY,
              assertThrows(TokenRejectedException.class, () -> verifierA.verify(m.token())).reason());
        }
      }
    }

    assertFalse(retiredKidsSeenVerifying.isEmpty(), "tokens of retired keys were verified");
    List<String> kids = minted.stream().map(Minted::kid).distinct().toList();
    assertTrue(kids.size() >= 5, "five days rotate through at least five keys: " + kids);
    String firstKid = kids.get(0);
    assertTrue(nodeA.rings.current().signing().verificationKey(firstKid).isEmpty());
    assertFalse(nodeA.rings.current().signing().jwks().contains(firstKid),
        "the first key left the JWKS once all its tokens had expired");
    String lastKid = kids.get(kids.size() - 1);
    assertTrue(nodeA.rings.current().signing().jwks().contains(lastKid));
  }

  private static String tokenOf(VerifiedSession verified, Minted m) {
    assertEquals(m.kid(), verified.signingKeyId());
    return m.token();
  }
}
