package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.lanyard.sts.keys.KeyAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A standard JWT library, given only the published JWKS, verifies Lanyard session tokens. Nimbus's
 * generic {@link DefaultJWTProcessor} handles ES256 but not EdDSA (its key selector and verifier
 * factory have no OKP support), so EdDSA goes through Nimbus's {@link Ed25519Verifier} built from
 * the parsed JWK, as a Nimbus user would.
 */
class JwksInteropTest {

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void aVerifierBuiltFromTheParsedJwksAcceptsOnlyGenuineTokens(KeyAlgorithm algorithm)
      throws Exception {
    TokenFixture node = new TokenFixture(algorithm);
    IssuedSession issued = node.issue(Duration.ofHours(1));
    JWKSet published = JWKSet.parse(node.rings.current().signing().jwks());

    SignedJWT jwt = SignedJWT.parse(issued.credentials().sessionToken());
    JWK jwk = published.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertEquals(algorithm.jwsAlgorithm(), jwk.getAlgorithm());
    assertTrue(jwt.verify(verifierFor(jwk)));
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals(TokenFixture.ISSUER, claims.getIssuer());
    assertEquals(issued.claims().grant().principalArn(), claims.getSubject());
    assertEquals(issued.claims().expiresAt(), claims.getExpirationTime().toInstant());
    assertEquals(issued.credentials().accessKeyId(),
        claims.getStringClaim(SessionTokenFormat.ACCESS_KEY_ID));

    TokenFixture other = new TokenFixture(algorithm, TokenFixture.T0, 555);
    SignedJWT foreign = SignedJWT.parse(other.issue(Duration.ofHours(1)).credentials().sessionToken());
    assertNull(published.getKeyByKeyId(foreign.getHeader().getKeyID()));
    assertFalse(foreign.verify(verifierFor(jwk)));
  }

  @Test
  void nimbusJwtProcessorVerifiesAnEs256TokenFromTheJwks() throws Exception {
    // The processor checks exp against the system clock, so mint at the real current time.
    TokenFixture node =
        new TokenFixture(KeyAlgorithm.ES256, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    IssuedSession issued = node.issue(Duration.ofHours(1));
    JWKSet published = JWKSet.parse(node.rings.current().signing().jwks());

    JWTClaimsSet claims = processor(published).process(issued.credentials().sessionToken(), null);
    assertEquals(issued.claims().grant().principalArn(), claims.getSubject());

    TokenFixture other = new TokenFixture(
        KeyAlgorithm.ES256, Instant.now().truncatedTo(ChronoUnit.SECONDS), 555);
    String foreign = other.issue(Duration.ofHours(1)).credentials().sessionToken();
    assertThrows(BadJOSEException.class, () -> processor(published).process(foreign, null));
  }

  private static JWSVerifier verifierFor(JWK jwk) throws Exception {
    return jwk instanceof OctetKeyPair okp
        ? new Ed25519Verifier(okp)
        : new ECDSAVerifier(jwk.toECKey());
  }

  private static DefaultJWTProcessor<SecurityContext> processor(JWKSet jwks) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(SessionTokenFormat.TYPE)));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).build(),
        Set.of("sub", "iat", "exp")));
    return processor;
  }
}
