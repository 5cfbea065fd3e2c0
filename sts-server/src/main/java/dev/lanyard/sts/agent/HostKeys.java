package dev.lanyard.sts.agent;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Host public keys: Ed25519 only, exchanged as X.509 SubjectPublicKeyInfo DER and stored as the
 * base64 of those bytes (the form the IAM listing fingerprints).
 */
final class HostKeys {
  /** An Ed25519 SubjectPublicKeyInfo is 44 bytes; anything much longer is not one. */
  private static final int MAX_DER_BYTES = 128;

  private HostKeys() {}

  /** Checks that {@code der} is an Ed25519 public key and returns its stored form. */
  static String storedForm(byte[] der) {
    parse(der, "host_public_key");
    return Base64.getEncoder().encodeToString(der);
  }

  /** The key stored at enrolment. */
  static PublicKey fromStored(String stored) {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(stored.strip());
    } catch (IllegalArgumentException e) {
      throw new LanyardException(AwsErrorCode.ServiceFailure, "the stored host key is not base64", false);
    }
    return parse(der, "stored host key");
  }

  private static PublicKey parse(byte[] der, String field) {
    if (der.length == 0 || der.length > MAX_DER_BYTES) {
      throw invalid(field, "has " + der.length + " bytes");
    }
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
        throw invalid(field, "is a " + key.getAlgorithm() + " key");
      }
      return key;
    } catch (InvalidKeySpecException e) {
      throw invalid(field, "is not an Ed25519 public key");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Ed25519 is not available in this JVM", e);
    }
  }

  private static LanyardException invalid(String field, String problem) {
    return new LanyardException(AwsErrorCode.ValidationError, field + " " + problem
        + "; accepted: an Ed25519 public key as X.509 SubjectPublicKeyInfo DER (Java's PublicKey.getEncoded())");
  }
}
