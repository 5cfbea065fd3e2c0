package dev.lanyard.sdk.verify;

import static dev.lanyard.sdk.verify.SessionClaimsFixture.ISSUER;
import static dev.lanyard.sdk.verify.SessionClaimsFixture.roleSession;
import static dev.lanyard.sdk.verify.SessionClaimsFixture.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import dev.lanyard.sdk.credentials.cache.MutableClock;
import dev.lanyard.sdk.verify.SessionTokenRejectedException.Reason;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The verification rules, on tokens this test signs, with keys from a loopback JWKS server. */
class SessionTokenVerifierTest {
  private static final Instant ISSUED = Instant.parse("2025-06-01T12:00:00Z");

  private final TestSigner ed = TestSigner.ed25519("ed-key-1");
  private final TestSigner es = TestSigner.es256("es-key-1");
  private final MutableClock clock = new MutableClock(ISSUED.plusSeconds(10));
  private final List<String> tokensSeen = new ArrayList<>();
  private final List<SessionTokenRejectedException> refusals = new ArrayList<>();
  private JwksTestServer jwks;
  private SessionTokenVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    jwks = new JwksTestServer(TestSigner.jwks(ed, es));
    verifier = SessionTokenVerifier.builder(jwks.jwksUri(), ISSUER).clock(clock).build();
  }

  @AfterEach
  void stop() {
    jwks.close();
    for (SessionTokenRejectedException refusal : refusals) {
      for (String token : tokensSeen) {
        for (String part : token.split("\\.")) {
          if (part.length() > 8) {
            assertFalse(refusal.getMessage().contains(part), "a refusal echoed the token: " + refusal.getMessage());
          }
        }
      }
      assertEquals(null, refusal.getCause());
    }
  }

  private Reason refused(String token) {
    tokensSeen.add(token);
    SessionTokenRejectedException e =
        assertThrows(SessionTokenRejectedException.class, () -> verifier.verify(token));
    refusals.add(e);
    return e.reason();
  }

  @Test
  void anEd25519TokenYieldsEveryClaimButTheSecret() throws Exception {
    VerifiedSessionToken t = verifier.verify(ed.sign(roleSession(ISSUED)));

    assertEquals(ISSUER, t.issuer());
    assertEquals(SessionClaimsFixture.PRINCIPAL_ARN, t.principalArn());
    assertEquals(PrincipalType.ASSUMED_ROLE, t.principalType());
    assertEquals("AssumedRole", t.principalType().awsName());
    assertEquals(SessionClaimsFixture.ACCOUNT, t.accountId());
    assertEquals(SessionClaimsFixture.ROLE_ARN, t.roleArn().orElseThrow());
    assertEquals("AROAEXAMPLEROLEID0001", t.roleId().orElseThrow());
    assertEquals("deploy-1", t.sessionName().orElseThrow());
    assertEquals("AROAEXAMPLEROLEID0001:deploy-1", t.userId());
    assertEquals("alice@example.com", t.sourceIdentity().orElseThrow());
    assertEquals(Map.of("Project", "blue", "Team", "core"), t.tags());
    assertEquals(List.of("Project"), t.transitiveTagKeys());
    assertTrue(t.mfaPresent());
    assertEquals(ISSUED.minusSeconds(60), t.mfaAuthenticatedAt().orElseThrow());
    assertEquals(Map.of("amr", List.of("pwd", "mfa")), t.federation());
    assertEquals(1, t.chainDepth());
    assertEquals(SessionClaimsFixture.POLICY, t.sessionPolicy().inlineDocument().orElseThrow());
    assertEquals(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), t.sessionPolicy().managedPolicyArns());
    assertEquals(SessionClaimsFixture.ACCESS_KEY_ID, t.accessKeyId());
    assertEquals("AKIAE2EALICEKEYAAAAA", t.sourceAccessKeyId().orElseThrow());
    assertEquals(ISSUED, t.issuedAt());
    assertEquals(ISSUED.plusSeconds(3600), t.expiresAt());
    assertEquals("ed-key-1", t.signingKeyId());

    for (Field field : VerifiedSessionToken.class.getDeclaredFields()) {
      field.setAccessible(true);
      assertFalse(String.valueOf(field.get(t)).contains(SessionClaimsFixture.SEALED_SECRET),
          "the verified token must not hold the sealed secret: " + field.getName());
    }
    assertFalse(t.toString().contains(SessionClaimsFixture.SEALED_SECRET));
    assertTrue(t.toString().contains(SessionClaimsFixture.ACCESS_KEY_ID), t.toString());
  }

  @Test
  void anEs256TokenWithOnlyTheRequiredClaimsVerifies() throws Exception {
    Map<String, Object> claims = roleSession(ISSUED);
    for (String optional : List.of("lan:role", "lan:rid", "lan:sn", "lan:si", "lan:tags", "lan:ttk",
        "lan:mfa", "lan:fed", "lan:cd", "lan:pol", "lan:parn", "lan:sakid")) {
      claims = with(claims, optional, null);
    }
    claims = with(claims, "lan:pt", "User");
    claims = with(claims, "sub", "arn:aws:iam::111122223333:user/alice");
    VerifiedSessionToken t = verifier.verify(es.sign(claims));
    assertEquals(PrincipalType.USER, t.principalType());
    assertEquals("es-key-1", t.signingKeyId());
    assertTrue(t.roleArn().isEmpty());
    assertFalse(t.mfaPresent());
    assertTrue(t.sessionPolicy().isEmpty());
    assertTrue(t.tags().isEmpty());
    assertEquals(0, t.chainDepth());
  }

  @Test
  void aTamperedPayloadOrSignatureIsABadSignature() throws Exception {
    String token = ed.sign(roleSession(ISSUED));
    String[] parts = token.split("\\.");
    String otherPayload = Base64URL.encode(TestSigner.json(
        with(roleSession(ISSUED), "lan:acct", "999988887777")).getBytes(StandardCharsets.UTF_8)).toString();
    assertEquals(Reason.BAD_SIGNATURE, refused(parts[0] + "." + otherPayload + "." + parts[2]));

    byte[] signature = new Base64URL(parts[2]).decode();
    signature[5] ^= 1;
    assertEquals(Reason.BAD_SIGNATURE, refused(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)));

    String esToken = es.sign(roleSession(ISSUED));
    String[] esParts = esToken.split("\\.");
    assertEquals(Reason.BAD_SIGNATURE, refused(esParts[0] + "." + otherPayload + "." + esParts[2]));
  }

  @Test
  void anotherIssuerIsRefused() {
    assertEquals(Reason.WRONG_ISSUER,
        refused(ed.sign(with(roleSession(ISSUED), "iss", "https://sts.elsewhere.internal"))));
  }

  @Test
  void expiryIsCheckedAgainstTheClockWithTheSkew() throws Exception {
    String token = ed.sign(roleSession(ISSUED));
    clock.set(ISSUED.plusSeconds(3600).plus(SessionTokenVerifier.DEFAULT_CLOCK_SKEW).minusSeconds(1));
    verifier.verify(token);

    clock.set(ISSUED.plusSeconds(3600).plus(SessionTokenVerifier.DEFAULT_CLOCK_SKEW));
    assertEquals(Reason.EXPIRED, refused(token));
    assertTrue(refusals.get(0).getMessage().contains("ExpiredToken"), refusals.get(0).getMessage());

    SessionTokenVerifier strict = SessionTokenVerifier.builder(jwks.jwksUri(), ISSUER)
        .clock(clock).clockSkew(Duration.ZERO).build();
    clock.set(ISSUED.plusSeconds(3600));
    SessionTokenRejectedException e = assertThrows(SessionTokenRejectedException.class, () -> strict.verify(token));
    assertEquals(Reason.EXPIRED, e.reason());
  }

  @Test
  void anIssueTimeInTheFutureBeyondTheSkewIsRefused() throws Exception {
    clock.set(ISSUED.minus(SessionTokenVerifier.DEFAULT_CLOCK_SKEW));
    verifier.verify(ed.sign(roleSession(ISSUED)));
    clock.set(ISSUED.minus(SessionTokenVerifier.DEFAULT_CLOCK_SKEW).minusSeconds(1));
    assertEquals(Reason.NOT_YET_VALID, refused(ed.sign(roleSession(ISSUED))));
  }

  @Test
  void theTypHeaderMustBeALanyardSessionTokens() {
    assertEquals(Reason.WRONG_TYPE, refused(ed.sign(
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(ed.kid()).type(com.nimbusds.jose.JOSEObjectType.JWT).build(),
        roleSession(ISSUED))));
    assertEquals(Reason.WRONG_TYPE, refused(ed.sign(
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(ed.kid()).build(), roleSession(ISSUED))));
  }

  @Test
  void aHeaderWithMoreThanAlgKidAndTypIsRefused() throws Exception {
    assertEquals(Reason.MALFORMED, refused(ed.sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(ed.kid())
        .type(TestSigner.TYPE).jwkURL(URI.create("https://attacker.example/jwks")).build(), roleSession(ISSUED))));
    assertEquals(Reason.MALFORMED, refused(ed.sign(
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(TestSigner.TYPE).build(), roleSession(ISSUED))));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String header = Base64URL.encode(("{\"alg\":\"none\",\"kid\":\"" + ed.kid() + "\",\"typ\":\""
        + SessionTokenVerifier.TOKEN_TYPE + "\"}").getBytes(StandardCharsets.UTF_8)).toString();
    String payload = Base64URL.encode(TestSigner.json(roleSession(ISSUED)).getBytes(StandardCharsets.UTF_8)).toString();
    assertEquals(Reason.BAD_SIGNATURE, refused(header + "." + payload + "."));
    assertEquals(0, jwks.requests.get(), "an unsigned token needs no key");
  }

  @Test
  void hs256KeyedWithThePublicKeyBytesIsRefused() throws Exception {
    byte[] publicKey = ed.publicJwk().toOctetKeyPair().getX().decode();
    JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ed.kid())
        .type(TestSigner.TYPE).build(), new Payload(TestSigner.json(roleSession(ISSUED))));
    forged.sign(new MACSigner(publicKey));
    assertEquals(Reason.BAD_SIGNATURE, refused(forged.serialize()));

    byte[] jwkBytes = ed.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8);
    JWSObject forged2 = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ed.kid())
        .type(TestSigner.TYPE).build(), new Payload(TestSigner.json(roleSession(ISSUED))));
    forged2.sign(new MACSigner(jwkBytes));
    assertEquals(Reason.BAD_SIGNATURE, refused(forged2.serialize()));
  }

  @Test
  void anAlgorithmOtherThanTheKeysIsRefusedEvenWithAValidSignature() {
    // Validly signed by the ES256 key, but naming the Ed25519 key's id.
    String token = es.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ed.kid()).type(TestSigner.TYPE).build(),
        roleSession(ISSUED));
    assertEquals(Reason.BAD_SIGNATURE, refused(token));
  }

  @Test
  void aKeyIdTheIssuerDoesNotPublishIsUnknown() {
    TestSigner stranger = TestSigner.ed25519("not-published");
    assertEquals(Reason.UNKNOWN_KEY, refused(stranger.sign(roleSession(ISSUED))));
  }

  @Test
  void thingsThatAreNotTokensAreMalformed() {
    for (String junk : List.of("", "abc", "a.b", "a.b.c", "....", "x".repeat(SessionTokenVerifier.MAX_TOKEN_CHARS + 1))) {
      assertEquals(Reason.MALFORMED, refused(junk), junk.length() > 20 ? "long token" : junk);
    }
    SessionTokenRejectedException e = assertThrows(SessionTokenRejectedException.class, () -> verifier.verify(null));
    assertEquals(Reason.MALFORMED, e.reason());
  }

  @Test
  void claimsThatAreNotASessionsAreMalformed() {
    Map<String, Object> good = roleSession(ISSUED);
    List<Map<String, Object>> bad = List.of(
        with(good, "lan:akid", null),
        with(good, "lan:akid", "AKIAABCDEFGHIJKLMN23"),
        with(good, "lan:acct", "12345"),
        with(good, "lan:pt", "Robot"),
        with(good, "lan:role", null),
        with(good, "exp", "tomorrow"),
        with(good, "exp", ISSUED.getEpochSecond()),
        with(good, "iat", -5),
        with(good, "sub", null),
        with(good, "lan:tags", List.of("Project")),
        with(good, "lan:ttk", "Project"),
        with(good, "lan:cd", -1));
    for (Map<String, Object> claims : bad) {
      assertEquals(Reason.MALFORMED, refused(ed.sign(claims)), claims.toString());
    }
    String repeated = TestSigner.json(good).replaceFirst("\\{", "{\"iss\":\"" + ISSUER + "\",");
    assertEquals(Reason.MALFORMED, refused(ed.sign(
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(ed.kid()).type(TestSigner.TYPE).build(), repeated)));
    assertEquals(Reason.MALFORMED, refused(ed.sign(
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(ed.kid()).type(TestSigner.TYPE).build(), "[1,2]")));
  }

  @Test
  void forIssuerFindsTheKeysWhereALanyardServerPublishesThem() throws Exception {
    SessionTokenVerifier byIssuer = SessionTokenVerifier.forIssuer(jwks.issuerUrl() + "/").clock(clock).build();
    Map<String, Object> claims = with(roleSession(ISSUED), "iss", jwks.issuerUrl() + "/");
    assertEquals("ed-key-1", byIssuer.verify(ed.sign(claims)).signingKeyId());
  }

  @Test
  void settingsOutsideTheirRangesAreRefusedNamingTheField() {
    assertRefusedNaming("clockSkew", () -> SessionTokenVerifier.builder(jwks.jwksUri(), ISSUER)
        .clockSkew(Duration.ofMinutes(6)));
    assertRefusedNaming("jwksUri", () -> SessionTokenVerifier.builder(URI.create("file:///etc/jwks.json"), ISSUER));
    assertRefusedNaming("expectedIssuer", () -> SessionTokenVerifier.builder(jwks.jwksUri(), " "));
    assertRefusedNaming("maxJwksBytes", () -> SessionTokenVerifier.builder(jwks.jwksUri(), ISSUER).maxJwksBytes(10));
    assertRefusedNaming("minRefetchInterval", () -> SessionTokenVerifier.builder(jwks.jwksUri(), ISSUER)
        .minRefetchInterval(Duration.ofSeconds(-1)));
    assertRefusedNaming("issuer", () -> SessionTokenVerifier.forIssuer("not a url"));
  }

  private static void assertRefusedNaming(String field, Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
  }
}
