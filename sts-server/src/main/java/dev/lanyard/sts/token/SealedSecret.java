package dev.lanyard.sts.token;

import java.util.Objects;

/**
 * A session secret sealed with AES-GCM under a data key, as the token carries it.
 *
 * @param dataKeyId the id of the data key that sealed it
 * @param ciphertext base64url (no padding) of nonce, ciphertext and tag; not secret
 */
public record SealedSecret(String dataKeyId, String ciphertext) {
  public SealedSecret {
    Objects.requireNonNull(dataKeyId, "dataKeyId");
    Objects.requireNonNull(ciphertext, "ciphertext");
  }
}
