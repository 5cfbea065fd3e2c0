package dev.lanyard.sts.keys;

import com.nimbusds.jose.CriticalHeaderParamsAware;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.AlgorithmSupportMessage;
import com.nimbusds.jose.crypto.impl.CriticalHeaderParamsDeferral;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies Ed25519 JWS signatures through Bouncy Castle's RFC 8032 code, in place of Nimbus's
 * {@code Ed25519Verifier}, which hands the work to Tink (about 640 KB allocated per verification).
 * It checks what Nimbus's does: the algorithm, the {@code crit} header (no critical parameter is
 * understood, so any makes the signature fail), the signature's length, and then the signature,
 * which Bouncy Castle refuses when its scalar is not below the group order or its point does not
 * decode (no malleable signatures).
 */
final class Ed25519JwsVerifier extends EdDSAProvider implements JWSVerifier, CriticalHeaderParamsAware {
  /** Decoded and checked once (on the curve, in the prime-order subgroup), not per signature. */
  private final Ed25519.PublicPoint publicKey;
  private final CriticalHeaderParamsDeferral critical = new CriticalHeaderParamsDeferral();

  Ed25519JwsVerifier(OctetKeyPair publicKey) throws JOSEException {
    if (!Curve.Ed25519.equals(publicKey.getCurve())) {
      throw new JOSEException("Ed25519 verifier: the key's curve is " + publicKey.getCurve()
          + "; Ed25519 is accepted");
    }
    byte[] x = publicKey.getDecodedX();
    Ed25519.PublicPoint point = x.length == Ed25519.PUBLIC_KEY_SIZE ? Ed25519.validatePublicKeyFullExport(x, 0) : null;
    if (point == null) {
      throw new JOSEException("Ed25519 verifier: x is not a valid Ed25519 public key");
    }
    this.publicKey = point;
  }

  @Override
  public Set<String> getProcessedCriticalHeaderParams() {
    return critical.getProcessedCriticalHeaderParams();
  }

  @Override
  public Set<String> getDeferredCriticalHeaderParams() {
    return critical.getDeferredCriticalHeaderParams();
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
    if (!supportedJWSAlgorithms().contains(header.getAlgorithm())) {
      throw new JOSEException(
          AlgorithmSupportMessage.unsupportedJWSAlgorithm(header.getAlgorithm(), supportedJWSAlgorithms()));
    }
    if (!critical.headerPasses(header)) {
      return false;
    }
    byte[] sig = signature.decode();
    if (sig.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    return Ed25519.verify(sig, 0, publicKey, signingInput, 0, signingInput.length);
  }
}
