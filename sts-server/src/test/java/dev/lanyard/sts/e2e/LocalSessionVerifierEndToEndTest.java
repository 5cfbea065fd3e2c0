package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.Sessions.assume;
import static dev.lanyard.sts.e2e.Sessions.roleArn;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.sdk.verify.PrincipalType;
import dev.lanyard.sdk.verify.SessionTokenRejectedException;
import dev.lanyard.sdk.verify.SessionTokenRejectedException.Reason;
import dev.lanyard.sdk.verify.SessionTokenVerifier;
import dev.lanyard.sdk.verify.VerifiedSessionToken;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.keys.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's local verifier (issue 5) against a real node: tokens from a real AssumeRole, keys from
 * the node's JWKS over HTTP, and a real key rotation (the node restarted on a clock moved past two
 * rotation periods, so that a key the verifier has never seen signs).
 */
class LocalSessionVerifierEndToEndTest {
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

  @TempDir
  Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String jwks(RunningServer node) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + node.httpPort() + SessionTokenVerifier.JWKS_PATH)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static AssumeRoleResponse assumeTagged(RunningServer node, String session) {
    return node.sts(ALICE).assumeRole(assume(roleArn(PRIMARY, "Tagged"), session)
        .setPolicy(POLICY)
        .addTags(Tag.newBuilder().setKey("Project").setValue("blue"))
        .addTags(Tag.newBuilder().setKey("Team").setValue("core"))
        .addTransitiveTagKeys("Project")
        .build());
  }

  private static Reason reason(SessionTokenVerifier verifier, String token) {
    SessionTokenRejectedException e =
        assertThrows(SessionTokenRejectedException.class, () -> verifier.verify(token));
    for (String part : token.split("\\.")) {
      if (!part.isEmpty()) {
        assertFalse(e.getMessage().contains(part), "the refusal echoes the token");
      }
    }
    return e.reason();
  }

  @Test
  void verifiesRealTokensOfflineAndFollowsARealKeyRotation() throws Exception {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    Map<Setting, String> fixedPort = Map.of(Setting.HTTP_PORT, Integer.toString(freePort()));
    String issuer;
    String firstKid;
    String jwksBeforeRotation;
    SessionTokenVerifier verifier;
    try (RunningServer node = TwoAccountBootstrap.start(dir, clock, fixedPort)) {
      issuer = node.server().config().issuer();
      verifier = SessionTokenVerifier.forIssuer(issuer).clock(clock)
          .maxKeyAge(Duration.ofDays(30)).minRefetchInterval(Duration.ofMinutes(1)).build();
      jwksBeforeRotation = jwks(node);

      AssumeRoleResponse r = assumeTagged(node, "verify-1");
      String token = r.getCredentials().getSessionToken();
      VerifiedSessionToken t = verifier.verify(token);

      assertEquals(issuer, t.issuer());
      assertEquals(r.getAssumedRoleUser().getArn(), t.principalArn());
      assertEquals(PrincipalType.ASSUMED_ROLE, t.principalType());
      assertEquals(PRIMARY, t.accountId());
      assertEquals(roleArn(PRIMARY, "Tagged"), t.roleArn().orElseThrow());
      assertEquals("verify-1", t.sessionName().orElseThrow());
      assertEquals(r.getAssumedRoleUser().getAssumedRoleId(), t.userId());
      assertEquals(Map.of("Project", "blue", "Team", "core"), t.tags());
      assertEquals(List.of("Project"), t.transitiveTagKeys());
      assertEquals(POLICY, t.sessionPolicy().inlineDocument().orElseThrow());
      assertFalse(t.mfaPresent());
      assertEquals(r.getCredentials().getAccessKeyId(), t.accessKeyId());
      assertEquals(ALICE.accessKeyId(), t.sourceAccessKeyId().orElseThrow());
      assertEquals(clock.instant(), t.issuedAt());
      assertEquals(r.getCredentials().getExpiration().getSeconds(), t.expiresAt().getEpochSecond());
      assertFalse(t.toString().contains(r.getCredentials().getSecretAccessKey()));
      firstKid = t.signingKeyId();
      assertTrue(JWKSet.parse(jwksBeforeRotation).getKeyByKeyId(firstKid) != null);

      // Tampered payload: the account changed, the node's signature kept.
      String[] parts = token.split("\\.");
      String payload = new String(new Base64URL(parts[1]).decode(), StandardCharsets.UTF_8)
          .replace("\"" + PRIMARY + "\"", "\"999988887777\"");
      assertEquals(Reason.BAD_SIGNATURE, reason(verifier,
          parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]));

      // alg none and HS256 keyed with the node's public key bytes.
      String header = new String(new Base64URL(parts[0]).decode(), StandardCharsets.UTF_8);
      String none = header.replaceFirst("\"alg\"\\s*:\\s*\"[A-Za-z0-9]+\"", "\"alg\":\"none\"");
      assertNotEquals(header, none);
      assertEquals(Reason.BAD_SIGNATURE, reason(verifier,
          Base64URL.encode(none.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "."));
      byte[] publicKey = JWKSet.parse(jwksBeforeRotation).getKeyByKeyId(firstKid).toOctetKeyPair().getX().decode();
      JWSObject hs256 = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(firstKid)
          .type(new JOSEObjectType(SessionTokenVerifier.TOKEN_TYPE)).build(), new Payload(new Base64URL(parts[1])));
      hs256.sign(new MACSigner(publicKey));
      assertEquals(Reason.BAD_SIGNATURE, reason(verifier, hs256.serialize()));

      // Another expected issuer; then the same token past its expiry.
      SessionTokenVerifier elsewhere = SessionTokenVerifier.builder(
          URI.create(issuer + SessionTokenVerifier.JWKS_PATH), "https://sts.elsewhere.internal").clock(clock).build();
      assertEquals(Reason.WRONG_ISSUER, reason(elsewhere, token));
      SessionTokenVerifier later = SessionTokenVerifier.forIssuer(issuer)
          .clock(Clock.offset(clock, Duration.ofSeconds(3600).plus(SessionTokenVerifier.DEFAULT_CLOCK_SKEW)))
          .build();
      assertEquals(Reason.EXPIRED, reason(later, token));
    }

    // Two rotation periods later the node signs with a key that was not yet published before.
    for (int restart = 0; restart < 2; restart++) {
      clock.advance(Duration.ofHours(25));
      TwoAccountBootstrap.start(dir, clock, fixedPort).close();
    }
    try (RunningServer node = TwoAccountBootstrap.start(dir, clock, fixedPort)) {
      assertEquals(issuer, node.server().config().issuer());
      String token = assumeTagged(node, "verify-2").getCredentials().getSessionToken();
      String kid = JWSObject.parse(token).getHeader().getKeyID();
      assertNotEquals(firstKid, kid);
      assertEquals(null, JWKSet.parse(jwksBeforeRotation).getKeyByKeyId(kid),
          "the new key was not published when the verifier fetched the keys");
      VerifiedSessionToken t = verifier.verify(token);
      assertEquals(kid, t.signingKeyId(), "an unknown kid made the verifier fetch the rotated keys");
      assertEquals("verify-2", t.sessionName().orElseThrow());
    }
  }
}
