package dev.lanyard.sts.keys;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** Ed25519 key pairs as JWKs, made by Tink from seeds drawn from a (seeded) random source. */
final class Ed25519TestKeys {
  private Ed25519TestKeys() {}

  static OctetKeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
    return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(pair.getPublicKey()))
        .d(Base64URL.encode(pair.getPrivateKey())).build();
  }
}
