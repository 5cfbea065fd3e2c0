package dev.lanyard.sts.token;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.SigningKey;
import dev.lanyard.sts.keys.TestRandom;
import dev.lanyard.sts.token.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every way of forging, altering or misusing a session token is refused, for the right reason. */
class SessionTokenAttackTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TokenFixture node = new TokenFixture(KeyAlgorithm.ED25519);
  private final IssuedSession issued = node.issue(Duration.ofHours(1));
  private final String token = issued.credentials().sessionToken();
  private final SessionTokenVerifier verifier = node.verifier(0);

  private void assertRejected(Reason reason, String candidate) {
    TokenRejectedException e =
        assertThrows(TokenRejectedException.class, () -> verifier.verify(candidate));
    assertEquals(reason, e.reason(), e.getMessage());
    String secret = issued.credentials().secretAccessKey().reveal();
    for (String part : candidate.split("\\.")) {
      if (part.length() > 8) {
        assertFalse(e.getMessage().contains(part), "message echoes the token: " + e.getMessage());
      }
    }
    assertFalse(e.getMessage().contains(secret), e.getMessage());
    assertNotNull(e.getMessage());
  }

  private static String[] parts(String compact) {
    return compact.split("\\.", -1);
  }

  private static ObjectNode payloadOf(String compact) throws Exception {
    return (ObjectNode) JSON.readTree(Base64URL.from(parts(compact)[1]).decode());
  }

  private String signedByRing(JOSEObjectType type, ObjectNode payload) throws Exception {
    return node.rings.current().signing().activeKey().sign(type, JSON.writeValueAsBytes(payload));
  }

  @Test
  void theGenuineTokenVerifies() throws Exception {
    assertEquals(issued.claims(), verifier.verify(token).claims());
  }

  @Test
  void expired() {
    node.clock.advance(Duration.ofHours(1));
    assertRejected(Reason.EXPIRED, token);
  }

  @Test
  void notYetValidBeyondTheSkew() throws Exception {
    node.clock.set(TokenFixture.T0.minusSeconds(61));
    assertRejected(Reason.NOT_YET_VALID, token);
    node.clock.set(TokenFixture.T0.minusSeconds(60));
    assertEquals(issued.claims(), verifier.verify(token).claims());
  }

  @Test
  void tamperedPayloadWithTheOriginalSignature() throws Exception {
    ObjectNode payload = payloadOf(token);
    payload.put(SessionTokenFormat.ACCOUNT, "999999999999");
    String[] p = parts(token);
    assertRejected(Reason.BAD_SIGNATURE,
        p[0] + "." + Base64URL.encode(JSON.writeValueAsBytes(payload)) + "." + p[2]);
  }

  @Test
  void tamperedSignature() {
    String[] p = parts(token);
    byte[] signature = Base64URL.from(p[2]).decode();
    signature[5] ^= 0x01;
    assertRejected(Reason.BAD_SIGNATURE, p[0] + "." + p[1] + "." + Base64URL.encode(signature));
  }

  @Test
  void algNoneUnsignedToken() {
    String kid = node.rings.current().signing().activeKey().kid();
    String header = "{\"alg\":\"none\",\"kid\":\"" + kid + "\",\"typ\":\"lanyard-session+jwt\"}";
    assertRejected(Reason.MALFORMED,
        Base64URL.encode(header) + "." + parts(token)[1] + ".");
  }

  @Test
  void es256TokenRelabelledAsEdDsa() throws Exception {
    TokenFixture esNode = new TokenFixture(KeyAlgorithm.ES256);
    String esToken = esNode.issue(Duration.ofHours(1)).credentials().sessionToken();
    String kid = esNode.rings.current().signing().activeKey().kid();
    String header = "{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"lanyard-session+jwt\"}";
    String[] p = parts(esToken);
    String relabelled = Base64URL.encode(header) + "." + p[1] + "." + p[2];
    TokenRejectedException e = assertThrows(TokenRejectedException.class,
        () -> esNode.verifier(0).verify(relabelled));
    assertEquals(Reason.BAD_SIGNATURE, e.reason());
  }

  @Test
  void hs256SignedWithThePublicKeyBytes() throws Exception {
    SigningKey active = node.rings.current().signing().activeKey();
    byte[] publicKey = active.publicJwk().toOctetKeyPair().getDecodedX();
    assertRejected(Reason.BAD_SIGNATURE, hs256(active.kid(), publicKey));
    byte[] publicJwkJson = active.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8);
    assertRejected(Reason.BAD_SIGNATURE, hs256(active.kid(), publicJwkJson));
  }

  private String hs256(String kid, byte[] secret) throws Exception {
    JWSObject forged = new JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid)
            .type(new JOSEObjectType(SessionTokenFormat.TYPE)).build(),
        new Payload(Base64URL.from(parts(token)[1]).decode()));
    forged.sign(new MACSigner(secret));
    return forged.serialize();
  }

  @Test
  void unknownKid() throws Exception {
    SigningKey stranger = strangerKey();
    assertRejected(Reason.UNKNOWN_KEY, stranger.sign(
        new JOSEObjectType(SessionTokenFormat.TYPE), Base64URL.from(parts(token)[1]).decode()));
  }

  @Test
  void signedByAKeyNotInTheRingClaimingARingKid() throws Exception {
    SigningKey stranger = strangerKey();
    String ringKid = node.rings.current().signing().activeKey().kid();
    JWSObject forged = new JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(ringKid)
            .type(new JOSEObjectType(SessionTokenFormat.TYPE)).build(),
        new Payload(Base64URL.from(parts(token)[1]).decode()));
    forged.sign(new Ed25519Signer(strangerPrivate(stranger)));
    assertRejected(Reason.BAD_SIGNATURE, forged.serialize());
  }

  private static SigningKey strangerKey() {
    SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519, TokenFixture.T0,
        TestRandom.seeded(999));
    return SigningKey.restore(key.lifecycle().activated(TokenFixture.T0), KeyAlgorithm.ED25519,
        key.exportPrivateKeyForSealing());
  }

  private static OctetKeyPair strangerPrivate(SigningKey key)
      throws Exception {
    return OctetKeyPair.parse(
        new String(key.exportPrivateKeyForSealing(), StandardCharsets.UTF_8));
  }

  @Test
  void wrongOrMissingType() throws Exception {
    assertRejected(Reason.WRONG_TYPE, signedByRing(JOSEObjectType.JWT, payloadOf(token)));
    assertRejected(Reason.WRONG_TYPE, signedByRing(null, payloadOf(token)));
  }

  @Test
  void wrongIssuer() {
    SessionTokenIssuer elsewhere = new SessionTokenIssuer("https://other.example", node.rings,
        Duration.ofHours(36), node.clock, TestRandom.seeded(3));
    assertRejected(Reason.WRONG_ISSUER,
        elsewhere.issue(TokenFixture.roleGrant(), Duration.ofHours(1)).credentials().sessionToken());
  }

  @Test
  void sealedSecretMovedFromAnotherToken() throws Exception {
    ObjectNode other = payloadOf(node.issue(Duration.ofHours(1)).credentials().sessionToken());
    ObjectNode payload = payloadOf(token);
    payload.put(SessionTokenFormat.SEALED_SECRET, other.get(SessionTokenFormat.SEALED_SECRET).asText());
    assertRejected(Reason.BAD_SEAL,
        signedByRing(new JOSEObjectType(SessionTokenFormat.TYPE), payload));
  }

  @Test
  void sealedSecretUnderAnUnknownDataKey() throws Exception {
    ObjectNode payload = payloadOf(token);
    payload.put(SessionTokenFormat.DATA_KEY_ID, "no-such-key");
    assertRejected(Reason.UNKNOWN_KEY,
        signedByRing(new JOSEObjectType(SessionTokenFormat.TYPE), payload));
  }

  @Test
  void extraHeaderParametersSuchAsAnEmbeddedKey() throws Exception {
    SigningKey stranger = strangerKey();
    JWSObject forged = new JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(stranger.kid())
            .type(new JOSEObjectType(SessionTokenFormat.TYPE))
            .jwk(stranger.publicJwk()).build(),
        new Payload(Base64URL.from(parts(token)[1]).decode()));
    forged.sign(new Ed25519Signer(strangerPrivate(stranger)));
    assertRejected(Reason.MALFORMED, forged.serialize());
  }

  @Test
  void duplicateClaimsSignedByTheRing() throws Exception {
    String payload = new String(Base64URL.from(parts(token)[1]).decode(), StandardCharsets.UTF_8);
    String doubled = payload.substring(0, payload.length() - 1) + ",\"lan:acct\":\"999999999999\"}";
    String signed = node.rings.current().signing().activeKey().sign(
        new JOSEObjectType(SessionTokenFormat.TYPE), doubled.getBytes(StandardCharsets.UTF_8));
    assertRejected(Reason.MALFORMED, signed);
  }

  @Test
  void garbageEmptyAndOversizedTokens() {
    assertRejected(Reason.MALFORMED, "not-a-token");
    assertRejected(Reason.MALFORMED, "");
    assertRejected(Reason.MALFORMED, "a".repeat(SessionTokenVerifier.MAX_TOKEN_CHARS + 1));
    Executable nullToken = () -> verifier.verify(null);
    assertEquals(Reason.MALFORMED,
        assertThrows(TokenRejectedException.class, nullToken).reason());
  }

  @Test
  void expiryHasNoSkewAllowance() {
    node.clock.set(issued.credentials().expiration().minusMillis(1));
    assertDoesNotThrow(() -> verifier.verify(token));
    node.clock.set(issued.credentials().expiration());
    assertRejected(Reason.EXPIRED, token);
  }
}
