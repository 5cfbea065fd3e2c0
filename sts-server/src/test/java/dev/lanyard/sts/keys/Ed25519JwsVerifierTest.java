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
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ed25519JwsVerifierTest {
  private static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.EdDSA);
  /** The order of the Ed25519 base point, RFC 8032 section 5.1. */
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));


  @Test
  void acceptsWhatTinkSignsAndAgreesWithTinkOnEveryCorruption() throws Exception {
    SecureRandom random = TestRandom.seeded(21);
    for (int k = 0; k < 10; k++) {
      OctetKeyPair key = Ed25519TestKeys.keyPair(random);
      byte[] input = new byte[1 + random.nextInt(1_500)];
      random.nextBytes(input);
      Base64URL signature = new Ed25519Signer(key).sign(HEADER, input);
      Ed25519JwsVerifier ours = new Ed25519JwsVerifier(key.toPublicJWK());
      Ed25519Verifier tink = new Ed25519Verifier(key.toPublicJWK());
      assertTrue(ours.verify(HEADER, input, signature));
      for (int bit = 0; bit < 64 * 8; bit += 7) {
        byte[] sig = signature.decode();
        sig[bit / 8] ^= (byte) (1 << (bit % 8));
        Base64URL bad = Base64URL.encode(sig);
        assertEquals(tink.verify(HEADER, input, bad), ours.verify(HEADER, input, bad), "bit " + bit);
        assertFalse(ours.verify(HEADER, input, bad), "bit " + bit);
      }
      byte[] changed = input.clone();
      changed[random.nextInt(changed.length)] ^= 0x20;
      assertFalse(ours.verify(HEADER, changed, signature), "a changed input");
    }
  }

  @Test
  void refusesAMalleatedSignature() throws Exception {
    // (R, S + L) satisfies the verification equation too; RFC 8032 requires S < L.
    OctetKeyPair key = Ed25519TestKeys.keyPair(TestRandom.seeded(22));
    byte[] input = "header.payload".getBytes();
    byte[] sig = new Ed25519Signer(key).sign(HEADER, input).decode();
    byte[] sLittle = Arrays.copyOfRange(sig, 32, 64);
    BigInteger s = new BigInteger(1, reverse(sLittle)).add(L);
    byte[] sPlusL = reverse(toFixed32(s));
    System.arraycopy(sPlusL, 0, sig, 32, 32);
    Base64URL malleated = Base64URL.encode(sig);
    assertFalse(new Ed25519Verifier(key.toPublicJWK()).verify(HEADER, input, malleated));
    assertFalse(new Ed25519JwsVerifier(key.toPublicJWK()).verify(HEADER, input, malleated));
  }

  @Test
  void refusesSignaturesOfTheWrongLengthAndUnderstoodNoCriticalHeader() throws Exception {
    OctetKeyPair key = Ed25519TestKeys.keyPair(TestRandom.seeded(23));
    byte[] input = "header.payload".getBytes();
    Base64URL signature = new Ed25519Signer(key).sign(HEADER, input);
    Ed25519JwsVerifier verifier = new Ed25519JwsVerifier(key.toPublicJWK());
    byte[] sig = signature.decode();
    assertFalse(verifier.verify(HEADER, input, Base64URL.encode(Arrays.copyOf(sig, 63))));
    assertFalse(verifier.verify(HEADER, input, Base64URL.encode(Arrays.copyOf(sig, 65))));
    assertFalse(verifier.verify(HEADER, input, Base64URL.encode(new byte[0])));
    JWSHeader critical = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
        .criticalParams(Set.of("exp")).customParam("exp", 1).build();
    Base64URL signedCritical = new Ed25519Signer(key).sign(critical, input);
    assertFalse(verifier.verify(critical, input, signedCritical), "a critical header it does not understand");
    assertThrows(JOSEException.class, () -> verifier.verify(new JWSHeader(JWSAlgorithm.ES256), input, signature));
  }

  @Test
  void refusesAPublicKeyThatIsNotOnTheCurve() throws Exception {
    // y = 2 has no x on edwards25519 (RFC 8032's decoding fails: x^2 is not a square).
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;
    OctetKeyPair bad = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(notAPoint)).build();
    assertThrows(JOSEException.class, () -> new Ed25519JwsVerifier(bad));
  }

  private static byte[] reverse(byte[] b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[b.length - 1 - i];
    }
    return out;
  }

  private static byte[] toFixed32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
