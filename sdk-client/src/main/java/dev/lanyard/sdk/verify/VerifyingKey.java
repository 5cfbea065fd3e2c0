package dev.lanyard.sdk.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import java.util.Objects;

/**
 * One published public key: its id, the one algorithm it verifies and its verifier. A token whose
 * header names another algorithm is refused without trying the key.
 */
final class VerifyingKey {
  private final String kid;
  private final JWSAlgorithm algorithm;
  private final JWSVerifier verifier;

  VerifyingKey(String kid, JWSAlgorithm algorithm, JWSVerifier verifier) {
    this.kid = Objects.requireNonNull(kid, "kid");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  String kid() {
    return kid;
  }

  JWSAlgorithm algorithm() {
    return algorithm;
  }

  /** Whether {@code jws} names exactly this key's algorithm and carries its valid signature. */
  boolean verifies(JWSObject jws) {
    if (!algorithm.equals(jws.getHeader().getAlgorithm())) {
      return false;
    }
    try {
      return jws.verify(verifier);
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "VerifyingKey[kid=" + kid + ", alg=" + algorithm + "]";
  }
}
