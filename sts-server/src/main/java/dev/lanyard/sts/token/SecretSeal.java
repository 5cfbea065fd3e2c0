package dev.lanyard.sts.token;

import dev.lanyard.sts.keys.DataKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;

/**
 * Seals a session secret into its token and opens it again. The associated data binds the sealed
 * value to the data key id, the session's access key id and the signing key's kid, so a sealed
 * secret copied into another token does not open.
 */
final class SecretSeal {
  private static final byte[] CONTEXT = "lanyard-session-secret-v1".getBytes(StandardCharsets.US_ASCII);
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private SecretSeal() {}

  static SealedSecret seal(
      DataKey dataKey, char[] secret, String accessKeyId, String kid, SecureRandom random) {
    byte[] plaintext = ascii(secret);
    try {
      byte[] sealed =
          dataKey.seal(plaintext, associatedData(dataKey.id(), accessKeyId, kid), random);
      return new SealedSecret(dataKey.id(), ENCODER.encodeToString(sealed));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * The secret inside {@code sealed}.
   *
   * @throws AEADBadTagException when it was not sealed by this key for this access key id and kid
   */
  static char[] open(DataKey dataKey, SealedSecret sealed, String accessKeyId, String kid)
      throws AEADBadTagException {
    byte[] ciphertext;
    try {
      ciphertext = DECODER.decode(sealed.ciphertext());
    } catch (IllegalArgumentException e) {
      throw new AEADBadTagException("the sealed secret is not base64url");
    }
    byte[] plaintext = dataKey.open(ciphertext, associatedData(dataKey.id(), accessKeyId, kid));
    char[] secret = new char[plaintext.length];
    for (int i = 0; i < plaintext.length; i++) {
      secret[i] = (char) (plaintext[i] & 0xff);
    }
    Arrays.fill(plaintext, (byte) 0);
    return secret;
  }

  static byte[] associatedData(String dataKeyId, String accessKeyId, String kid) {
    byte[] dk = dataKeyId.getBytes(StandardCharsets.UTF_8);
    byte[] ak = accessKeyId.getBytes(StandardCharsets.UTF_8);
    byte[] k = kid.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[CONTEXT.length + 1 + dk.length + 1 + ak.length + 1 + k.length];
    int at = 0;
    System.arraycopy(CONTEXT, 0, out, at, CONTEXT.length);
    at += CONTEXT.length + 1;
    System.arraycopy(dk, 0, out, at, dk.length);
    at += dk.length + 1;
    System.arraycopy(ak, 0, out, at, ak.length);
    at += ak.length + 1;
    System.arraycopy(k, 0, out, at, k.length);
    return out;
  }

  private static byte[] ascii(char[] secret) {
    byte[] bytes = new byte[secret.length];
    for (int i = 0; i < secret.length; i++) {
      if (secret[i] > 0x7f) {
        throw new IllegalArgumentException("session secret: must be ASCII");
      }
      bytes[i] = (byte) secret[i];
    }
    return bytes;
  }
}
