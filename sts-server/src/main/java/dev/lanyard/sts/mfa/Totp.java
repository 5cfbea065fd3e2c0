package dev.lanyard.sts.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA-1), as virtual MFA devices
 * compute them. Pure: the time is an argument (callers pass their injected clock's instant), codes
 * compare in constant time, and nothing is remembered (replay protection is {@link MfaCodes}'s job).
 */
public final class Totp {
  /** AWS virtual MFA: six digits. */
  public static final int DIGITS = 6;
  /** AWS virtual MFA: 30-second steps. */
  public static final Duration STEP = Duration.ofSeconds(30);

  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
      100_000_000};

  private final int digits;
  private final long stepSeconds;

  /** A TOTP of {@code digits} (6-8) digits and {@code step} (whole seconds, at least 1). */
  public Totp(int digits, Duration step) {
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("digits is " + digits + "; accepted: 6 to 8");
    }
    if (step.getSeconds() < 1 || step.getNano() != 0) {
      throw new IllegalArgumentException("step is " + step + "; accepted: a whole number of seconds, at least 1");
    }
    this.digits = digits;
    this.stepSeconds = step.getSeconds();
  }

  /** The AWS virtual MFA parameters: SHA-1, 6 digits, 30-second steps. */
  public static Totp standard() {
    return new Totp(DIGITS, STEP);
  }

  /** The time step (RFC 6238 "T") that contains {@code time}. */
  public long step(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), stepSeconds);
  }

  /** The first instant after step {@code step}. */
  public Instant endOf(long step) {
    return Instant.ofEpochSecond((step + 1) * stepSeconds);
  }

  /** The code of {@code step} for {@code seed}, zero-padded to the number of digits. */
  public String code(byte[] seed, long step) {
    Objects.requireNonNull(seed, "seed");
    byte[] hash = hmacSha1(seed, ByteBuffer.allocate(8).putLong(step).array());
    int offset = hash[hash.length - 1] & 0x0F;
    int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
        | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
    String code = Integer.toString(binary % POWERS[digits]);
    return "0".repeat(digits - code.length()) + code;
  }

  /** Whether {@code code} is the code of the step of {@code now}, or of the step before or after. */
  public boolean verify(byte[] seed, String code, Instant now) {
    return matchingStep(seed, code, now).isPresent();
  }

  /**
   * The step (now's, the previous or the next) whose code is {@code code}; empty when none is or the
   * code is not {@code digits} ASCII digits. All three candidates are compared in constant time.
   */
  public OptionalLong matchingStep(byte[] seed, String code, Instant now) {
    return matchWithin(seed, code, step(now) - 1, step(now) + 1);
  }

  /**
   * The step {@code t} such that {@code code1} is the code of {@code t} and {@code code2} the code of
   * {@code t + 1}, with {@code t + 1} now's step or one step either side; empty when there is none.
   */
  public OptionalLong consecutiveSteps(byte[] seed, String code1, String code2, Instant now) {
    long current = step(now);
    long found = -1;
    boolean any = false;
    for (long t = current - 2; t <= current; t++) {
      boolean first = equal(code(seed, t), code1);
      boolean second = equal(code(seed, t + 1), code2);
      if (first & second & !any) {
        found = t;
        any = true;
      }
    }
    return any && wellFormed(code1) && wellFormed(code2) ? OptionalLong.of(found) : OptionalLong.empty();
  }

  private OptionalLong matchWithin(byte[] seed, String code, long from, long to) {
    long found = -1;
    boolean any = false;
    for (long t = from; t <= to; t++) {
      boolean match = equal(code(seed, t), code);
      if (match & !any) {
        found = t;
        any = true;
      }
    }
    return any && wellFormed(code) ? OptionalLong.of(found) : OptionalLong.empty();
  }

  private boolean wellFormed(String code) {
    if (code == null || code.length() != digits) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) < '0' || code.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(String expected, String given) {
    if (given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        given.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmacSha1(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
    }
  }
}
