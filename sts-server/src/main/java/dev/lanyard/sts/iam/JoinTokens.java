package dev.lanyard.sts.iam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One-time host join tokens: {@value #PREFIX} and 256 random bits (base64url). The store keeps only
 * {@link #hash} (SHA-256, lowercase hex); {@link #id} is a non-secret name for audit records and
 * listings. Enrolment (the agent issue) hashes the presented token the same way to find it.
 */
public final class JoinTokens {
  /** Marks the text as a Lanyard join token (helps secret scanners). */
  public static final String PREFIX = "lyjt_";
  private static final int TOKEN_BYTES = 32;

  private JoinTokens() {}

  /** A new token; return it to the caller once and store only its hash. */
  public static String newToken(SecureRandom random) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a token: SHA-256 of its UTF-8 text, lowercase hex (64 characters). */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** The token's public id: {@code jt-} and the first 20 hex digits of its hash. */
  public static String id(String hash) {
    return "jt-" + hash.substring(0, 20);
  }
}
