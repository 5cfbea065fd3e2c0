package dev.lanyard.sts.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 digest of a token, as four longs: the cache key for verified sessions. */
record TokenDigest(long a, long b, long c, long d) {
  /** One digest per thread: looking up the provider costs more than hashing a token. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(TokenDigest::sha256);

  static TokenDigest of(String token) {
    MessageDigest sha256 = SHA_256.get();
    // UTF-8, not US-ASCII: the JDK copies an all-ASCII string's bytes for UTF-8 but checks them one
    // by one for US-ASCII. Both are one-to-one on the base64url text of a token.
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    return new TokenDigest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  // Written out: the record's generated methods go through method handles on this hot path.
  @Override
  public boolean equals(Object o) {
    return o instanceof TokenDigest t && a == t.a && b == t.b && c == t.c && d == t.d;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(a);
  }

  @Override
  public String toString() {
    return "TokenDigest[" + Long.toHexString(a) + "...]";
  }
}
