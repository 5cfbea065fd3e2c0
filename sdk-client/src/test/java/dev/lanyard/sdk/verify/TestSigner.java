package dev.lanyard.sdk.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.util.Arrays;
import java.util.Map;

/** A signing key of the kind a Lanyard server holds, for tests that mint their own tokens. */
final class TestSigner {
  static final JOSEObjectType TYPE = new JOSEObjectType(SessionTokenVerifier.TOKEN_TYPE);
  private static final ObjectMapper JSON = new ObjectMapper();

  final JWK privateJwk;
  final JWSAlgorithm algorithm;
  private final JWSSigner signer;

  private TestSigner(JWK privateJwk, JWSAlgorithm algorithm, JWSSigner signer) {
    this.privateJwk = privateJwk;
    this.algorithm = algorithm;
    this.signer = signer;
  }

  static TestSigner ed25519(String kid) {
    try {
      JWK jwk = new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.EdDSA).generate();
      return new TestSigner(jwk, JWSAlgorithm.EdDSA, new Ed25519Signer(jwk.toOctetKeyPair()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestSigner es256(String kid) {
    try {
      JWK jwk = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES256).generate();
      return new TestSigner(jwk, JWSAlgorithm.ES256, new ECDSASigner(jwk.toECKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String kid() {
    return privateJwk.getKeyID();
  }

  JWK publicJwk() {
    return privateJwk.toPublicJWK();
  }

  /** A token as the server signs it: header alg, kid, typ. */
  String sign(Map<String, Object> claims) {
    return sign(new JWSHeader.Builder(algorithm).keyID(kid()).type(TYPE).build(), claims);
  }

  /** A token with this header, signed by this key whatever the header says. */
  String sign(JWSHeader header, Map<String, Object> claims) {
    return sign(header, json(claims));
  }

  String sign(JWSHeader header, String payload) {
    JWSHeader asSigned = new JWSHeader.Builder(algorithm).keyID(header.getKeyID()).type(header.getType())
        .jwkURL(header.getJWKURL()).build();
    JWSObject jws = new JWSObject(asSigned, new Payload(payload));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    if (asSigned.getAlgorithm().equals(header.getAlgorithm())) {
      return jws.serialize();
    }
    // Another alg in the header than the one that signed: re-encode the header, keep the signature.
    String[] parts = jws.serialize().split("\\.");
    return header.toBase64URL() + "." + parts[1] + "." + parts[2];
  }

  /** A JWKS document of these keys' public halves. */
  static String jwks(TestSigner... signers) {
    return new JWKSet(Arrays.stream(signers).map(TestSigner::publicJwk).toList()).toString(true);
  }

  static String json(Map<String, Object> claims) {
    try {
      return JSON.writeValueAsString(claims);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
