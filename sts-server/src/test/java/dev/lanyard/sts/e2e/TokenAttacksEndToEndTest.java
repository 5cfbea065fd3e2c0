package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.AwsErrors.assertAwsError;
import static dev.lanyard.sts.e2e.Sessions.assume;
import static dev.lanyard.sts.e2e.Sessions.roleArn;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.token.SessionTokenVerifier;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session tokens that must not work: expired, tampered, signed by a key outside this node's ring,
 * and presented with another session's access key id. Each is first shown to work untouched.
 */
class TokenAttacksEndToEndTest {
  private static final GetCallerIdentityRequest WHO = GetCallerIdentityRequest.getDefaultInstance();
  /** Both nodes name the same issuer, so a foreign token differs only in the key that signed it. */
  private static final Map<Setting, String> SAME_ISSUER = Map.of(Setting.ISSUER, "http://lanyard.e2e.test");

  @TempDir
  static Path dir;
  static MutableClock clock;
  static RunningServer node;

  @BeforeAll
  static void start() throws Exception {
    clock = new MutableClock(Instant.now());
    node = TwoAccountBootstrap.start(dir.resolve("node"), clock, SAME_ISSUER);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static Credentials deployerSession(RunningServer on, String name, int seconds) {
    return Sessions.of(on.sts(ALICE).assumeRole(assume(roleArn(PRIMARY, "Deployer"), name)
        .setDurationSeconds(seconds).build()).getCredentials());
  }

  private static String arnOf(Credentials c) {
    return node.sts(c).getCallerIdentity(WHO).getArn();
  }

  @Test
  void anExpiredTokenIsExpiredTokenEvenWhenItWasVerifiedAndCachedBefore() {
    Credentials session = deployerSession(node, "expiring", 900);
    clock.advance(Duration.ofSeconds(899));
    assertEquals("arn:aws:sts::" + PRIMARY + ":assumed-role/Deployer/expiring", arnOf(session));

    clock.advance(Duration.ofSeconds(1).plus(SessionTokenVerifier.DEFAULT_CLOCK_SKEW).plusSeconds(1));
    AwsErrors.Refusal r = assertAwsError("ExpiredToken", () -> arnOf(session));
    assertEquals(Status.Code.UNAUTHENTICATED, r.status());
  }

  @Test
  void aTamperedTokenIsInvalidClientTokenId() {
    Credentials session = deployerSession(node, "tampered", 3600);
    arnOf(session);
    String token = session.sessionToken();
    int payloadStart = token.indexOf('.') + 1;
    int at = payloadStart + (token.indexOf('.', payloadStart) - payloadStart) / 2;
    char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
    String tampered = token.substring(0, at) + flipped + token.substring(at + 1);
    assertNotEquals(token, tampered);

    Credentials forged = Credentials.session(session.accessKeyId(), session.secretAccessKey(), tampered,
        session.expiration());
    assertAwsError("InvalidClientTokenId", () -> arnOf(forged));
  }

  @Test
  void aTokenSignedByAKeyOutsideTheRingIsInvalidClientTokenId() throws Exception {
    // Same bootstrap file, same issuer, same user and role: only the key ring differs.
    try (RunningServer other = TwoAccountBootstrap.start(dir.resolve("other"), clock, SAME_ISSUER)) {
      Credentials foreign = deployerSession(other, "foreign", 3600);
      assertEquals("arn:aws:sts::" + PRIMARY + ":assumed-role/Deployer/foreign",
          other.sts(foreign).getCallerIdentity(WHO).getArn(), "the token works where it was minted");
      assertAwsError("InvalidClientTokenId", () -> arnOf(foreign));
    }
  }

  @Test
  void aTokenPresentedWithAnotherSessionsAccessKeyIsRefused() {
    Credentials first = deployerSession(node, "first", 3600);
    Credentials second = deployerSession(node, "second", 3600);
    arnOf(first);
    arnOf(second);

    Credentials swappedKey = Credentials.session(second.accessKeyId(), second.secretAccessKey(),
        first.sessionToken(), first.expiration());
    assertAwsError("InvalidClientTokenId", () -> arnOf(swappedKey));
    Credentials swappedSecret = Credentials.session(first.accessKeyId(), second.secretAccessKey(),
        first.sessionToken(), first.expiration());
    assertAwsError("SignatureDoesNotMatch", () -> arnOf(swappedSecret));
    Credentials longTermKey = Credentials.session(ALICE.accessKeyId(), ALICE.secretAccessKey(),
        first.sessionToken(), first.expiration());
    assertAwsError("InvalidClientTokenId", () -> arnOf(longTermKey));
  }
}
