package dev.lanyard.sts.federation.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.keys.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each known attack on web identity tokens, refused with the right AWS code and no echo of the token. */
class WebIdentityTokenAttackTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private TestOidcProvider idp;
  private MutableClock clock;
  private WebIdentityTokenVerifier verifier;
  private RegisteredProviders registered;

  @BeforeEach
  void start() throws Exception {
    idp = new TestOidcProvider();
    clock = new MutableClock(NOW);
    verifier = new WebIdentityTokenVerifier(new OidcProviderKeys(KeyFetchSettings.defaults(), clock, idp.clientTls()), clock);
    registered = RegisteredProviders.of(List.of(idp.record()));
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  private LanyardException refused(String token, AwsErrorCode code) {
    LanyardException e = assertThrows(LanyardException.class, () -> verifier.verify(token, registered));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("WebIdentityToken: "), e.getMessage());
    for (String part : token.split("\\.")) {
      if (part.length() > 8) {
        assertFalse(e.getMessage().contains(part), "the message echoes the token: " + e.getMessage());
      }
    }
    return e;
  }

  private String valid() throws Exception {
    return TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, idp.claims(NOW).build());
  }

  @Test
  void theBaselineTokenVerifies() throws Exception {
    assertEquals(TestOidcProvider.CLIENT_ID, verifier.verify(valid(), registered).audience());
  }

  @Test
  void algNoneIsRefused() {
    String token = new PlainJWT(idp.claims(NOW).build()).serialize();
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("alg none"));
    String withSignature = token + "c2lnbmF0dXJl";
    refused(withSignature, AwsErrorCode.InvalidIdentityToken);
    assertEquals(0, idp.jwksFetches.get());
  }

  @Test
  void hs256SignedWithTheProvidersPublicKeyIsRefused() throws Exception {
    byte[] publicKeyBytes = idp.rsa.toRSAPublicKey().getEncoded();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(idp.rsa.getKeyID()).build();
    com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(header, idp.claims(NOW).build());
    jwt.sign(new MACSigner(publicKeyBytes));
    LanyardException e = refused(jwt.serialize(), AwsErrorCode.InvalidIdentityToken);
    assertTrue(e.getMessage().contains("HS256"), e.getMessage());
    assertEquals(0, idp.jwksFetches.get());
  }

  @Test
  void ps256IsRefusedEvenWithTheProvidersKey() throws Exception {
    String token = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.PS256, idp.claims(NOW).build());
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("RS256, RS384"));
  }

  @Test
  void anUnknownKidIsRefusedAfterOneRefetch() throws Exception {
    RSAKey attacker = TestOidcProvider.attackerRsa("kid-nobody-published");
    String token = TestOidcProvider.sign(attacker, JWSAlgorithm.RS256, idp.claims(NOW).build());
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("refetched"));
    assertEquals(2, idp.jwksFetches.get(), "the initial fetch and one refetch");
  }

  @Test
  void aJwkHeaderCarryingTheAttackersKeyIsRefused() throws Exception {
    RSAKey attacker = TestOidcProvider.attackerRsa(idp.rsa.getKeyID());
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.rsa.getKeyID()).jwk(attacker.toPublicJWK()).build();
    String token = TestOidcProvider.sign(attacker, header, idp.claims(NOW).build());
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("jku, jwk or x5u"));
  }

  @Test
  void aJkuHeaderPointingAtTheAttackersKeysIsRefusedAndNeverFetched() throws Exception {
    RSAKey attacker = TestOidcProvider.attackerRsa("attacker");
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker")
        .jwkURL(URI.create(idp.url() + "/attacker-jwks")).build();
    String token = TestOidcProvider.sign(attacker, header, idp.claims(NOW).build());
    refused(token, AwsErrorCode.InvalidIdentityToken);
    assertEquals(0, idp.jwksFetches.get() + idp.discoveryFetches.get(), "nothing fetched at all");
  }

  @Test
  void anX5cHeaderIsIgnoredSoTheAttackersCertificateIsUseless() throws Exception {
    RSAKey attacker = TestOidcProvider.attackerRsa(idp.rsa.getKeyID());
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.rsa.getKeyID())
        .x509CertChain(List.of(Base64.encode(attacker.toRSAPublicKey().getEncoded()))).build();
    String token = TestOidcProvider.sign(attacker, header, idp.claims(NOW).build());
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("signature does not verify"));
  }

  @Test
  void anExpiredTokenIsExpiredTokenException() throws Exception {
    String token = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, idp.claims(NOW.minusSeconds(3600)).build());
    refused(token, AwsErrorCode.ExpiredTokenException);
  }

  @Test
  void aNotYetValidTokenIsRefused() throws Exception {
    JWTClaimsSet claims = idp.claims(NOW).notBeforeTime(Date.from(NOW.plusSeconds(300))).build();
    String token = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, claims);
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("nbf"));
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() throws Exception {
    JWTClaimsSet claims = idp.claims(NOW).issueTime(Date.from(NOW.plusSeconds(300))).build();
    String token = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, claims);
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("iat"));
  }

  @Test
  void aTokenFromAnotherIssuerIsRefusedEvenWhenSignedByTheProvidersKey() throws Exception {
    JWTClaimsSet claims = idp.claims(NOW).issuer("https://evil.example.com").build();
    String token = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, claims);
    LanyardException e = refused(token, AwsErrorCode.InvalidIdentityToken);
    assertFalse(e.getMessage().contains("evil.example.com"), e.getMessage());
  }

  @Test
  void aTokenForAnotherAudienceIsIdpRejectedClaim() throws Exception {
    JWTClaimsSet claims = idp.claims(NOW).audience(List.of("someone-else", "another-app")).build();
    String token = TestOidcProvider.sign(idp.rsa, JWSAlgorithm.RS256, claims);
    LanyardException e = refused(token, AwsErrorCode.IDPRejectedClaim);
    assertFalse(e.getMessage().contains("someone-else"), e.getMessage());
  }

  @Test
  void tokensLongerThan20000CharactersAreRefusedBeforeAnyWork() throws Exception {
    String atLimit = paddedToken(20_000);
    assertEquals(20_000, atLimit.length());
    verifier.verify(atLimit, registered);
    int fetches = idp.jwksFetches.get();

    String overLimit = paddedToken(20_001);
    assertEquals(20_001, overLimit.length());
    assertTrue(refused(overLimit, AwsErrorCode.InvalidIdentityToken).getMessage().contains("at most 20000"));
    assertEquals(fetches, idp.jwksFetches.get());
  }

  /** A validly signed token of exactly {@code length} characters (padding a claim and a header parameter). */
  private String paddedToken(int length) throws Exception {
    int signatureChars = 342; // an RS256 signature with a 2048-bit key, base64url
    for (int headerPad = 0; headerPad < 4; headerPad++) {
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.rsa.getKeyID())
          .customParam("pad", "x".repeat(headerPad)).build();
      int unpadded = new com.nimbusds.jwt.SignedJWT(header, idp.claims(NOW).claim("pad", "").build())
          .getSigningInput().length + 1 + signatureChars;
      int estimate = Math.max(0, (length - unpadded) * 3 / 4 - 8);
      for (int claimPad = estimate; claimPad < estimate + 16; claimPad++) {
        JWTClaimsSet claims = idp.claims(NOW).claim("pad", "y".repeat(claimPad)).build();
        int size = new com.nimbusds.jwt.SignedJWT(header, claims).getSigningInput().length + 1 + signatureChars;
        if (size == length) {
          String token = TestOidcProvider.sign(idp.rsa, header, claims);
          assertEquals(length, token.length());
          return token;
        }
      }
    }
    throw new AssertionError("no padding gives a token of " + length + " characters");
  }

  @Test
  void aTamperedPayloadIsRefused() throws Exception {
    String[] parts = valid().split("\\.");
    JWTClaimsSet forged = idp.claims(NOW).subject("repo:lanyard/app:ref:refs/heads/attacker").build();
    String payload = Base64URL.encode(forged.toString().getBytes(StandardCharsets.UTF_8)).toString();
    String token = parts[0] + "." + payload + "." + parts[2];
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("signature does not verify"));
  }

  @Test
  void aTokenFromADeletedProviderIsRefused() throws Exception {
    String token = valid();
    LanyardException e = assertThrows(LanyardException.class, () -> verifier.verify(token, RegisteredProviders.of(List.of())));
    assertEquals(AwsErrorCode.InvalidIdentityToken, e.code());
    assertTrue(e.getMessage().contains("no OpenID Connect provider"), e.getMessage());
  }

  @Test
  void aJweIsRefused() throws Exception {
    JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
        new Payload(idp.claims(NOW).build().toJSONObject()));
    jwe.encrypt(new RSAEncrypter(idp.rsa.toRSAPublicKey()));
    assertTrue(refused(jwe.serialize(), AwsErrorCode.InvalidIdentityToken).getMessage().contains("JWE"));
  }

  @Test
  void anUnknownCriticalHeaderIsRefused() throws Exception {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.rsa.getKeyID())
        .criticalParams(Set.of("urn:example:must-understand")).customParam("urn:example:must-understand", true).build();
    String token = TestOidcProvider.sign(idp.rsa, header, idp.claims(NOW).build());
    assertTrue(refused(token, AwsErrorCode.InvalidIdentityToken).getMessage().contains("crit"));
  }

  @Test
  void anEsHeaderNamingTheRsaKeyIsRefused() throws Exception {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(idp.rsa.getKeyID()).build();
    String token = TestOidcProvider.sign(idp.ec256, header, idp.claims(NOW).build());
    refused(token, AwsErrorCode.InvalidIdentityToken);
  }

  @Test
  void garbageIsMalformed() {
    refused("not-a-token", AwsErrorCode.InvalidIdentityToken);
    refused("eyJhbGciOiJSUzI1NiJ9.!!!.???", AwsErrorCode.InvalidIdentityToken);
    assertThrows(LanyardException.class, () -> verifier.verify("", registered));
    assertThrows(LanyardException.class, () -> verifier.verify(null, registered));
  }

  @Test
  void skewIsCapped() {
    OidcProviderKeys keys = new OidcProviderKeys(KeyFetchSettings.defaults(), clock);
    assertThrows(IllegalArgumentException.class, () -> new WebIdentityTokenVerifier(keys, clock, Duration.ofMinutes(6)));
  }
}
