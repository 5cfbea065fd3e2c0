package dev.lanyard.sts.token;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Fresh session credentials: an access key id ASIA + 16 base32 characters (80 random bits) and a
 * 40-character secret (240 random bits, base64 alphabet, as AWS secrets look).
 */
final class AccessKeyMint {
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final int ID_RANDOM_BYTES = 10;
  private static final int SECRET_RANDOM_BYTES = 30;

  private final SecureRandom random;

  AccessKeyMint(SecureRandom random) {
    this.random = random;
  }

  String newAccessKeyId() {
    byte[] bytes = new byte[ID_RANDOM_BYTES];
    random.nextBytes(bytes);
    char[] id = new char[4 + 16];
    id[0] = 'A';
    id[1] = 'S';
    id[2] = 'I';
    id[3] = 'A';
    long buffer = 0;
    int bits = 0;
    int at = 4;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        id[at++] = BASE32[(int) (buffer >>> bits) & 31];
      }
    }
    return new String(id);
  }

  char[] newSecret() {
    byte[] bytes = new byte[SECRET_RANDOM_BYTES];
    random.nextBytes(bytes);
    byte[] encoded = Base64.getEncoder().encode(bytes);
    char[] secret = new char[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      secret[i] = (char) encoded[i];
    }
    Arrays.fill(bytes, (byte) 0);
    Arrays.fill(encoded, (byte) 0);
    return secret;
  }
}
