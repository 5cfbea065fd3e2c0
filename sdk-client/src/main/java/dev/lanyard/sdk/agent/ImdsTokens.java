package dev.lanyard.sdk.agent;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * IMDSv2 session tokens without server-side state: the expiry (epoch milliseconds) and an
 * HMAC-SHA256 tag over it under a key that lives only in this process, base64url. A restart of the
 * agent invalidates every token, as a real instance's reboot does; clients then ask for a new one.
 */
final class ImdsTokens {
  static final int MIN_TTL_SECONDS = 1;
  static final int MAX_TTL_SECONDS = 21_600;
  private static final int TAG_BYTES = 16;

  private final SecretKeySpec key;
  private final Clock clock;
  private final ThreadLocal<Mac> macs;

  ImdsTokens(SecureRandom random, Clock clock) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
    this.clock = clock;
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A token valid for {@code ttlSeconds} (1 to 21600) from now. */
  String issue(int ttlSeconds) {
    if (ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS) {
      throw new IllegalArgumentException("ttlSeconds: must be 1-21600, got " + ttlSeconds);
    }
    long expiry = clock.millis() + ttlSeconds * 1000L;
    byte[] token = ByteBuffer.allocate(Long.BYTES + TAG_BYTES).putLong(expiry).put(tag(expiry)).array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** Whether {@code token} was issued by this process and has not expired. */
  boolean valid(String token) {
    if (token == null || token.length() != 32) {
      return false;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (bytes.length != Long.BYTES + TAG_BYTES) {
      return false;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long expiry = buffer.getLong();
    byte[] presented = new byte[TAG_BYTES];
    buffer.get(presented);
    return MessageDigest.isEqual(presented, tag(expiry)) && clock.millis() < expiry;
  }

  private byte[] tag(long expiry) {
    Mac mac = macs.get();
    byte[] full = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(expiry).array());
    byte[] out = new byte[TAG_BYTES];
    System.arraycopy(full, 0, out, 0, TAG_BYTES);
    return out;
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "ImdsTokens[key=redacted]";
  }
}
