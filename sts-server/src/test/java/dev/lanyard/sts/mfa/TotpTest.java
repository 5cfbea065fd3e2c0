package dev.lanyard.sts.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private final Totp totp = Totp.standard();

  /** RFC 6238 appendix B, SHA-1 rows (8 digits) and the same codes truncated to AWS's 6 digits. */
  @ParameterizedTest
  @CsvSource({
      "59, 94287082, 287082",
      "1111111109, 07081804, 081804",
      "1111111111, 14050471, 050471",
      "1234567890, 89005924, 005924",
      "2000000000, 69279037, 279037",
      "20000000000, 65353130, 353130"})
  void rfc6238Vectors(long seconds, String eightDigits, String sixDigits) {
    Instant t = Instant.ofEpochSecond(seconds);
    Totp eight = new Totp(8, Duration.ofSeconds(30));
    assertEquals(eightDigits, eight.code(RFC_SEED, eight.step(t)));
    assertEquals(sixDigits, totp.code(RFC_SEED, totp.step(t)));
    assertTrue(totp.verify(RFC_SEED, sixDigits, t));
    assertTrue(eight.verify(RFC_SEED, eightDigits, t));
  }

  /** RFC 4226 appendix D: HOTP values for counters 0-9 (a TOTP step is the HOTP counter). */
  @Test
  void rfc4226Vectors() {
    String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
        "399871", "520489"};
    for (int counter = 0; counter < expected.length; counter++) {
      assertEquals(expected[counter], totp.code(RFC_SEED, counter));
    }
  }

  @Test
  void acceptsTheStepBeforeAndAfterButNotFurther() {
    Instant now = Instant.parse("2025-03-01T12:00:10Z");
    long step = totp.step(now);
    assertEquals(OptionalLong.of(step - 1), totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step - 1), now));
    assertEquals(OptionalLong.of(step), totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step), now));
    assertEquals(OptionalLong.of(step + 1), totp.matchingStep(RFC_SEED, totp.code(RFC_SEED, step + 1), now));
    assertFalse(totp.verify(RFC_SEED, totp.code(RFC_SEED, step - 2), now));
    assertFalse(totp.verify(RFC_SEED, totp.code(RFC_SEED, step + 2), now));
  }

  @Test
  void refusesMalformedCodesAndOtherSeeds() {
    Instant now = Instant.parse("2025-03-01T12:00:10Z");
    String good = totp.code(RFC_SEED, totp.step(now));
    assertFalse(totp.verify(RFC_SEED, null, now));
    assertFalse(totp.verify(RFC_SEED, "", now));
    assertFalse(totp.verify(RFC_SEED, good + "0", now));
    assertFalse(totp.verify(RFC_SEED, good.substring(1), now));
    assertFalse(totp.verify(RFC_SEED, "12345a", now));
    assertFalse(totp.verify("another seed 0123456".getBytes(StandardCharsets.US_ASCII), good, now));
  }

  @Test
  void consecutiveCodesAroundNow() {
    Instant now = Instant.parse("2025-03-01T12:00:10Z");
    long step = totp.step(now);
    String c1 = totp.code(RFC_SEED, step - 1);
    String c2 = totp.code(RFC_SEED, step);
    assertEquals(OptionalLong.of(step - 1), totp.consecutiveSteps(RFC_SEED, c1, c2, now));
    assertEquals(OptionalLong.of(step), totp.consecutiveSteps(RFC_SEED, c2, totp.code(RFC_SEED, step + 1), now));
    assertTrue(totp.consecutiveSteps(RFC_SEED, c2, c1, now).isEmpty(), "reversed order");
    assertTrue(totp.consecutiveSteps(RFC_SEED, c1, c1, now).isEmpty(), "same code twice");
    assertTrue(totp.consecutiveSteps(RFC_SEED, totp.code(RFC_SEED, step - 5), totp.code(RFC_SEED, step - 4), now)
        .isEmpty(), "too old");
  }

  @Test
  void stepBoundaries() {
    assertEquals(0, totp.step(Instant.ofEpochSecond(29)));
    assertEquals(1, totp.step(Instant.ofEpochSecond(30)));
    assertEquals(Instant.ofEpochSecond(60), totp.endOf(1));
  }
}
