package dev.lanyard.sts.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import java.util.Locale;

/**
 * The signature algorithms a signing key may use. Ed25519 (JWS {@code alg} "EdDSA", RFC 8037) is
 * the default; ES256 (ECDSA on P-256) is selectable for verifiers without EdDSA support.
 */
public enum KeyAlgorithm {
  ED25519("Ed25519", JWSAlgorithm.EdDSA, Curve.Ed25519),
  ES256("ES256", JWSAlgorithm.ES256, Curve.P_256);

  /** The algorithm new keys use unless configured otherwise. */
  public static final KeyAlgorithm DEFAULT = ED25519;

  private final String configName;
  private final JWSAlgorithm jwsAlgorithm;
  private final Curve curve;

  KeyAlgorithm(String configName, JWSAlgorithm jwsAlgorithm, Curve curve) {
    this.configName = configName;
    this.jwsAlgorithm = jwsAlgorithm;
    this.curve = curve;
  }

  /** The name used in configuration and in the store ("Ed25519", "ES256"). */
  public String configName() {
    return configName;
  }

  /** The JWS {@code alg} header value of tokens this algorithm signs. */
  public JWSAlgorithm jwsAlgorithm() {
    return jwsAlgorithm;
  }

  /** The JWK curve of keys of this algorithm. */
  public Curve curve() {
    return curve;
  }

  /**
   * The algorithm whose JWS {@code alg} name this is, exactly ("EdDSA", "ES256"), as a store that
   * keeps JOSE names holds it.
   *
   * @throws IllegalArgumentException naming the accepted values when the name is unknown
   */
  public static KeyAlgorithm fromJwsName(String jwsName) {
    for (KeyAlgorithm algorithm : values()) {
      if (algorithm.jwsAlgorithm.getName().equals(jwsName)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException(
        "signing key alg: '" + jwsName + "' is not supported; expected EdDSA or ES256");
  }

  /**
   * The algorithm with this configuration name, ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted values when the name is unknown
   */
  public static KeyAlgorithm parse(String name) {
    if (name != null) {
      for (KeyAlgorithm algorithm : values()) {
        if (algorithm.configName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
          return algorithm;
        }
      }
    }
    throw new IllegalArgumentException(
        "signing key algorithm: '" + name + "' is not supported; use Ed25519 (default) or ES256");
  }
}
