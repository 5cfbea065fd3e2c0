package dev.lanyard.sdk.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The usable signing keys of one JWKS document, by {@code kid}: Ed25519 keys (EdDSA) and P-256
 * keys (ES256) with a key id, meant for signatures, whose {@code alg}, when stated, is their
 * curve's. Other keys (RSA, encryption keys, keys without an id) are skipped; only public halves
 * are kept. Immutable.
 */
final class PublishedKeys {
  private final Map<String, VerifyingKey> byKid;

  private PublishedKeys(Map<String, VerifyingKey> byKid) {
    this.byKid = Map.copyOf(byKid);
  }

  /**
   * The keys of a JWKS document.
   *
   * @throws IllegalArgumentException when the document is not a JWKS, repeats a key id, or holds
   *     no usable key; the message names the problem, never the content
   */
  static PublishedKeys parse(String jwks) {
    JWKSet set;
    try {
      set = JWKSet.parse(jwks);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("the document is not a JSON Web Key Set");
    }
    Map<String, VerifyingKey> keys = new LinkedHashMap<>();
    for (JWK jwk : set.getKeys()) {
      VerifyingKey key = usable(jwk);
      if (key != null && keys.putIfAbsent(key.kid(), key) != null) {
        throw new IllegalArgumentException("the key set names kid " + key.kid()
            + " twice; each key id must be unique");
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "the key set holds no usable signing key; Ed25519 (EdDSA) or P-256 (ES256) keys with a kid are accepted");
    }
    return new PublishedKeys(keys);
  }

  /** The key with this id. */
  Optional<VerifyingKey> key(String kid) {
    return Optional.ofNullable(byKid.get(kid));
  }

  int size() {
    return byKid.size();
  }

  private static VerifyingKey usable(JWK jwk) {
    String kid = jwk.getKeyID();
    if (kid == null || kid.isEmpty()
        || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))) {
      return null;
    }
    try {
      if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
          && algorithmFits(jwk, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519)) {
        return new VerifyingKey(kid, JWSAlgorithm.EdDSA, new Ed25519Verifier(okp.toPublicJWK()));
      }
      if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())
          && algorithmFits(jwk, JWSAlgorithm.ES256, JWSAlgorithm.ES256)) {
        return new VerifyingKey(kid, JWSAlgorithm.ES256, new ECDSAVerifier(ec.toPublicJWK()));
      }
    } catch (JOSEException e) {
      return null;
    }
    return null;
  }

  private static boolean algorithmFits(JWK jwk, JWSAlgorithm name, JWSAlgorithm alias) {
    return jwk.getAlgorithm() == null
        || name.getName().equals(jwk.getAlgorithm().getName())
        || alias.getName().equals(jwk.getAlgorithm().getName());
  }

  @Override
  public String toString() {
    return "PublishedKeys" + byKid.keySet();
  }
}
