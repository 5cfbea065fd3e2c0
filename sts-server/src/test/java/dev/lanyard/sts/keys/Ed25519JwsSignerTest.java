package dev.lanyard.sts.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Ed25519JwsSignerTest {
  private static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.EdDSA);


  @Test
  void signsTheSameBytesAsTinkAndTheSignaturesVerify() throws Exception {
    SecureRandom random = TestRandom.seeded(7);
    for (int k = 0; k < 20; k++) {
      OctetKeyPair key = Ed25519TestKeys.keyPair(random);
      byte[] input = new byte[random.nextInt(2_000)];
      random.nextBytes(input);
      Base64URL ours = new Ed25519JwsSigner(key).sign(HEADER, input);
      assertEquals(new Ed25519Signer(key).sign(HEADER, input), ours, "key " + k);
      assertTrue(new Ed25519Verifier(key.toPublicJWK()).verify(HEADER, input, ours));
    }
  }

  @Test
  void aSignatureDoesNotCoverAnyOtherInput() throws Exception {
    OctetKeyPair key = Ed25519TestKeys.keyPair(TestRandom.seeded(8));
    byte[] input = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhbGljZSJ9".getBytes();
    Base64URL signature = new Ed25519JwsSigner(key).sign(HEADER, input);
    input[input.length - 1] ^= 1;
    assertFalse(new Ed25519Verifier(key.toPublicJWK()).verify(HEADER, input, signature));
  }

  @Test
  void refusesAPublicKeyThatIsNotThePrivateKeys() throws Exception {
    SecureRandom random = TestRandom.seeded(9);
    OctetKeyPair one = Ed25519TestKeys.keyPair(random);
    OctetKeyPair other = Ed25519TestKeys.keyPair(random);
    OctetKeyPair mixed = new OctetKeyPair.Builder(Curve.Ed25519, other.getX()).d(one.getD()).build();
    JOSEException e = assertThrows(JOSEException.class, () -> new Ed25519JwsSigner(mixed));
    assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
  }

  @Test
  void refusesKeysWithoutAPrivatePartAndOtherAlgorithms() throws Exception {
    OctetKeyPair key = Ed25519TestKeys.keyPair(TestRandom.seeded(10));
    assertThrows(JOSEException.class, () -> new Ed25519JwsSigner(key.toPublicJWK()));
    Ed25519JwsSigner signer = new Ed25519JwsSigner(key);
    assertThrows(JOSEException.class, () -> signer.sign(new JWSHeader(JWSAlgorithm.ES256), new byte[] {1}));
  }
}
