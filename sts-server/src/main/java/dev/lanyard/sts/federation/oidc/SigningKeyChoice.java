package dev.lanyard.sts.federation.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the provider key that may verify a token: the one whose {@code kid} equals the header's
 * and whose type fits the algorithm (RSA of at least 2048 bits for RS*, the algorithm's curve for
 * ES*), whose own {@code alg}, {@code use} and {@code key_ops}, when present, allow verifying it.
 * Without a {@code kid} the provider must publish exactly one fitting key.
 */
final class SigningKeyChoice {
  static final int MIN_RSA_BITS = 2048;

  private SigningKeyChoice() {
  }

  static Optional<JWK> choose(List<JWK> keys, JWSHeader header) {
    String kid = header.getKeyID();
    JWSAlgorithm alg = header.getAlgorithm();
    List<JWK> fitting = keys.stream()
        .filter(k -> kid == null || kid.equals(k.getKeyID()))
        .filter(k -> fits(k, alg))
        .toList();
    if (kid != null || fitting.size() == 1) {
      return fitting.stream().findFirst();
    }
    return Optional.empty();
  }

  static boolean fits(JWK key, JWSAlgorithm alg) {
    if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
      return false;
    }
    if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
      return false;
    }
    if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
      return false;
    }
    if (JWSAlgorithm.Family.RSA.contains(alg)) {
      return key instanceof RSAKey && key.size() >= MIN_RSA_BITS;
    }
    if (key instanceof ECKey ec) {
      return JWSAlgorithm.ES256.equals(alg) && Curve.P_256.equals(ec.getCurve())
          || JWSAlgorithm.ES384.equals(alg) && Curve.P_384.equals(ec.getCurve())
          || JWSAlgorithm.ES512.equals(alg) && Curve.P_521.equals(ec.getCurve());
    }
    return false;
  }
}
