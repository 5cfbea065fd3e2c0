package dev.lanyard.sts.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key that seals session secrets with AES-GCM. Like a {@link SigningKey} it keeps its
 * key bytes to itself: it seals and opens, and hands its bytes only to the store through {@link
 * #exportKeyForSealing()}.
 *
 * <p>A sealed value is {@code nonce (12 bytes) || ciphertext || tag (16 bytes)} with a fresh
 * random nonce per seal. Random nonces keep AES-GCM safe for 2^32 seals per key; at 5,000 sessions
 * a second a day's rotation period seals about 4.3e8, well under that.
 */
public final class DataKey {
  /** Key length in bytes (AES-256). */
  public static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int ID_BYTES = 9;

  private final KeyLifecycle lifecycle;
  private final SecretKeySpec key;

  private DataKey(KeyLifecycle lifecycle, SecretKeySpec key) {
    this.lifecycle = lifecycle;
    this.key = key;
  }

  /** A new NEXT data key with a random 12-character id. */
  public static DataKey generate(Instant createdAt, SecureRandom random) {
    byte[] idBytes = new byte[ID_BYTES];
    random.nextBytes(idBytes);
    byte[] keyBytes = new byte[KEY_BYTES];
    random.nextBytes(keyBytes);
    try {
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
      return new DataKey(KeyLifecycle.next(id, createdAt), new SecretKeySpec(keyBytes, "AES"));
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }

  /**
   * A data key read back from the store, from the bytes {@link #exportKeyForSealing()} gave.
   *
   * @throws IllegalArgumentException when the bytes are not 32 long
   */
  public static DataKey restore(KeyLifecycle lifecycle, byte[] keyBytes) {
    Objects.requireNonNull(lifecycle, "lifecycle");
    if (keyBytes == null || keyBytes.length != KEY_BYTES) {
      throw new IllegalArgumentException("data key " + lifecycle.id() + ": the stored key must be "
          + KEY_BYTES + " bytes (AES-256), got " + (keyBytes == null ? "none" : keyBytes.length));
    }
    return new DataKey(lifecycle, new SecretKeySpec(keyBytes, "AES"));
  }

  /**
   * The raw key bytes, for the store to seal under its key-encryption key and nothing else. The
   * caller owns the returned array and should overwrite it once sealed.
   */
  public byte[] exportKeyForSealing() {
    return key.getEncoded();
  }

  /** This key with another lifecycle (a state change); the key material is the same. */
  DataKey withLifecycle(KeyLifecycle next) {
    if (!next.id().equals(id())) {
      throw new IllegalArgumentException(
          "data key " + id() + ": cannot take the lifecycle of key " + next.id());
    }
    return new DataKey(next, key);
  }

  public String id() {
    return lifecycle.id();
  }

  public KeyState state() {
    return lifecycle.state();
  }

  public KeyLifecycle lifecycle() {
    return lifecycle;
  }

  /**
   * Encrypts and authenticates {@code plaintext}, binding it to {@code associatedData}.
   *
   * @throws IllegalStateException when this key is not ACTIVE: NEXT and RETIRED keys only open
   */
  public byte[] seal(byte[] plaintext, byte[] associatedData, SecureRandom random) {
    if (state() != KeyState.ACTIVE) {
      throw new IllegalStateException(
          "data key " + id() + ": only an ACTIVE key seals; this one is " + state());
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] out = new byte[NONCE_BYTES + plaintext.length + TAG_BITS / 8];
    System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, out, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData);
      cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("data key " + id() + ": AES-GCM sealing failed", e);
    }
  }

  /**
   * Decrypts a value {@link #seal} produced with the same associated data.
   *
   * @throws AEADBadTagException when the value was not sealed by this key with this associated
   *     data, or was altered
   */
  public byte[] open(byte[] sealed, byte[] associatedData) throws AEADBadTagException {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new AEADBadTagException("data key " + id() + ": the sealed value is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("data key " + id() + ": AES-GCM opening failed", e);
    }
  }

  /** Prints the key id and state; never key material. */
  @Override
  public String toString() {
    return "DataKey[id=" + id() + ", state=" + state() + "]";
  }
}
