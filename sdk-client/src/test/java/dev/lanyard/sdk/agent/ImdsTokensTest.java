package dev.lanyard.sdk.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.credentials.cache.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImdsTokensTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void aTokenIsValidUntilItsTtlAndOnlyInTheProcessThatIssuedIt() {
    ImdsTokens tokens = new ImdsTokens(new SecureRandom(), clock);
    String token = tokens.issue(60);
    assertTrue(tokens.valid(token));
    assertFalse(new ImdsTokens(new SecureRandom(), clock).valid(token), "another key: a restarted agent");
    clock.advance(Duration.ofSeconds(59));
    assertTrue(tokens.valid(token));
    clock.advance(Duration.ofSeconds(1));
    assertFalse(tokens.valid(token));
  }

  @Test
  void tamperedOrMalformedTokensAreInvalidAndTtlsOutsideTheRangeAreRefused() {
    ImdsTokens tokens = new ImdsTokens(new SecureRandom(), clock);
    String token = tokens.issue(21_600);
    char last = token.charAt(token.length() - 1);
    assertFalse(tokens.valid(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')));
    assertFalse(tokens.valid(null));
    assertFalse(tokens.valid("not a token"));
    assertThrows(IllegalArgumentException.class, () -> tokens.issue(0));
    assertThrows(IllegalArgumentException.class, () -> tokens.issue(21_601));
  }
}
