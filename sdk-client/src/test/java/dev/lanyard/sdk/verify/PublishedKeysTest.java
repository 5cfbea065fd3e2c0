package dev.lanyard.sdk.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which keys of a JWKS document the verifier uses. */
class PublishedKeysTest {
  private final TestSigner ed = TestSigner.ed25519("ed");
  private final TestSigner es = TestSigner.es256("es");

  private static String set(JWK... keys) {
    return new JWKSet(List.of(keys)).toString(true);
  }

  @Test
  void keepsEd25519AndP256SigningKeysWithTheirAlgorithms() throws Exception {
    JWK rsa = new RSAKeyGenerator(2048).keyID("rsa").generate().toPublicJWK();
    JWK encryption = new ECKeyGenerator(Curve.P_256).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate().toPublicJWK();
    JWK p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate().toPublicJWK();
    JWK noKid = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
    JWK wrongAlg = new OctetKeyPair.Builder(ed.publicJwk().toOctetKeyPair()).keyID("ed-says-es256")
        .algorithm(JWSAlgorithm.ES256).build();

    PublishedKeys keys = PublishedKeys.parse(set(ed.publicJwk(), es.publicJwk(), rsa, encryption, p384, noKid, wrongAlg));

    assertEquals(2, keys.size());
    assertEquals(JWSAlgorithm.EdDSA, keys.key("ed").orElseThrow().algorithm());
    assertEquals(JWSAlgorithm.ES256, keys.key("es").orElseThrow().algorithm());
    for (String skipped : List.of("rsa", "enc", "p384", "ed-says-es256")) {
      assertTrue(keys.key(skipped).isEmpty(), skipped);
    }
  }

  @Test
  void aPrivateKeyInTheSetIsUsedOnlyForItsPublicHalf() {
    PublishedKeys keys = PublishedKeys.parse(set(ed.privateJwk));
    assertTrue(keys.key("ed").isPresent());
    assertFalse(keys.toString().contains(ed.privateJwk.toOctetKeyPair().getD().toString()));
  }

  @Test
  void unusableDocumentsAreRefusedWithoutEchoingThem() {
    ECKey dup = new ECKey.Builder(es.publicJwk().toECKey()).keyID("ed").build();
    for (String doc : List.of("not json", "{\"keys\":[]}", "[]", set(ed.publicJwk(), dup))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublishedKeys.parse(doc));
      assertFalse(e.getMessage().contains(doc), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PublishedKeys.parse(set(ed.publicJwk(), dup)));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
  }
}
