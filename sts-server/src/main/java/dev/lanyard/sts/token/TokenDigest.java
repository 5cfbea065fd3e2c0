package dev.lanyard.sts.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 digest of a token, as four longs: the cache key for verified sessions. */
record TokenDigest(long a, long b, long c, long d) {

  static TokenDigest of(String token) {
    try {
      ByteBuffer digest = ByteBuffer.wrap(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
      return new TokenDigest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "TokenDigest[" + Long.toHexString(a) + "...]";
  }
}
