package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.keys.TestRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessKeyMintTest {
  private final AccessKeyMint mint = new AccessKeyMint(TestRandom.seeded(1));

  @Test
  void accessKeyIdsAreAsiaPlusSixteenBase32CharactersAndDistinct() {
    Set<String> seen = new HashSet<>();
    Set<Character> alphabet = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String id = mint.newAccessKeyId();
      assertTrue(id.matches("ASIA[A-Z2-7]{16}"), id);
      assertTrue(seen.add(id), "repeated " + id);
      id.substring(4).chars().forEach(c -> alphabet.add((char) c));
    }
    assertEquals(32, alphabet.size(), "every base32 character occurs");
  }

  @Test
  void secretsAreFortyBase64Characters() {
    char[] secret = mint.newSecret();
    assertEquals(40, secret.length);
    assertTrue(new String(secret).matches("[A-Za-z0-9+/]{40}"));
  }
}
