package dev.lanyard.sts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.AuthorizeResponse;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.iam.v1.CreateVirtualMFADeviceRequest;
import dev.lanyard.proto.iam.v1.EnableMFADeviceRequest;
import dev.lanyard.proto.iam.v1.VirtualMFADevice;
import dev.lanyard.sts.mfa.Base32;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.session.Policies;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.InvalidAuthorizationMessageException;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.PackedPolicyTooLargeException;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The AWS SDK for Java v2's own {@code StsClient}, unmodified but for the endpoint, against a real
 * node: its requests, signatures, XML parsing and typed exceptions all work with Lanyard.
 */
class StsQuerySdkTest {
  @TempDir
  static Path dir;
  static QueryTestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = new QueryTestNode(dir);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static AwsSessionCredentials session(Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  private static StsException assertStsError(String code, int status, Executable call) {
    StsException e = assertThrows(StsException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(status, e.statusCode(), e.getMessage());
    assertTrue(e.requestId() != null && e.requestId().matches("[0-9a-f-]{36}"), "request id " + e.requestId());
    return e;
  }

  private static Decision decide(AwsCredentials who, String action, String resource) {
    return node.authz(who).authorize(AuthorizeRequest.newBuilder().setAction(action).setResource(resource).build())
        .getDecision();
  }

  @Test
  void assumeRoleWithTagsSessionPoliciesExternalIdAndSourceIdentity() {
    AwsBasicCredentials alice = node.user("alice", null);
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + node.userArn("alice") + "\"},"
        + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"ext-4417\"}}},"
        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + node.userArn("alice") + "\"},"
        + "\"Action\":[\"sts:TagSession\",\"sts:SetSourceIdentity\"]}]}";
    String permissions = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/Project\":\"blue\"}}}]}";
    String roleArn = node.role("Tagged", trust, permissions);
    String managed = node.managedPolicy("ReportsList", Policies.allow("s3:ListBucket", "arn:aws:s3:::reports"));
    String inline = Policies.allow("s3:GetObject", "*");

    AssumeRoleResponse r = node.sts(alice).assumeRole(b -> b.roleArn(roleArn).roleSessionName("tag-session")
        .durationSeconds(900).externalId("ext-4417").sourceIdentity("alice@example.com")
        .tags(Tag.builder().key("Project").value("blue").build(), Tag.builder().key("Team").value("").build())
        .transitiveTagKeys("Project").policy(inline).policyArns(p -> p.arn(managed)));

    Credentials c = r.credentials();
    assertTrue(c.accessKeyId().matches("ASIA[A-Z2-7]{16}"), c.accessKeyId());
    assertEquals(40, c.secretAccessKey().length());
    assertFalse(c.sessionToken().isEmpty());
    assertEquals(node.clock.instant().plusSeconds(900).truncatedTo(ChronoUnit.SECONDS), c.expiration());
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/Tagged/tag-session", r.assumedRoleUser().arn());
    assertTrue(r.assumedRoleUser().assumedRoleId().matches("AROA\\w+:tag-session"), r.assumedRoleUser().assumedRoleId());
    assertNotNull(r.packedPolicySize());
    assertTrue(r.packedPolicySize() > 0 && r.packedPolicySize() <= 100, "packed " + r.packedPolicySize());
    assertEquals("alice@example.com", r.sourceIdentity());
    assertTrue(r.responseMetadata().requestId().matches("[0-9a-f-]{36}"));

    AwsSessionCredentials s = session(c);
    assertEquals(Decision.ALLOW, decide(s, "s3:GetObject", "arn:aws:s3:::reports/q1.csv"),
        "the role policy's tag condition sees Project=blue, and the inline session policy allows");
    assertEquals(Decision.ALLOW, decide(s, "s3:ListBucket", "arn:aws:s3:::reports"),
        "the managed session policy allows");
    assertEquals(Decision.IMPLICIT_DENY, decide(s, "s3:PutObject", "arn:aws:s3:::reports/q1.csv"),
        "no session policy allows PutObject, though the role policy does");

    assertStsError("AccessDenied", 403, () -> node.sts(alice).assumeRole(b -> b.roleArn(roleArn)
        .roleSessionName("wrong-ext").externalId("ext-0000")));
  }

  @Test
  void roleChainingAndCallerIdentityWithUserAndSessionCredentials() {
    AwsBasicCredentials carol = node.user("carol", null);
    GetCallerIdentityResponse asUser = node.sts(carol).getCallerIdentity();
    assertEquals(node.userArn("carol"), asUser.arn());
    assertEquals(node.accountId, asUser.account());
    assertTrue(asUser.userId().matches("AIDA\\w{17}"), asUser.userId());

    String first = node.role("First", Policies.trust(node.userArn("carol")), null);
    String second = node.role("Second", Policies.trust(first), null);
    AssumeRoleResponse one = node.sts(carol).assumeRole(b -> b.roleArn(first).roleSessionName("hop-1"));
    GetCallerIdentityResponse asSession = node.sts(session(one.credentials())).getCallerIdentity();
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/First/hop-1", asSession.arn());
    assertEquals(one.assumedRoleUser().assumedRoleId(), asSession.userId());
    assertEquals(node.accountId, asSession.account());

    AssumeRoleResponse two = node.sts(session(one.credentials()))
        .assumeRole(b -> b.roleArn(second).roleSessionName("hop-2"));
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/Second/hop-2", two.assumedRoleUser().arn());
    assertEquals(two.assumedRoleUser().arn(), node.sts(session(two.credentials())).getCallerIdentity().arn());
    StsException tooLong = assertStsError("ValidationError", 400, () -> node.sts(session(one.credentials()))
        .assumeRole(b -> b.roleArn(second).roleSessionName("hop-3").durationSeconds(7200)));
    assertTrue(tooLong.awsErrorDetails().errorMessage().contains("role chaining"), tooLong.getMessage());
  }

  @Test
  void anMfaProtectedRoleNeedsACodeFromADeviceEnabledThroughTheIamApi() {
    AwsBasicCredentials dana = node.user("dana", null);
    VirtualMFADevice device = node.iam().createVirtualMFADevice(CreateVirtualMFADeviceRequest.newBuilder()
        .setVirtualMfaDeviceName("dana-phone").build()).getVirtualMfaDevice();
    byte[] seed = Base32.decode(device.getBase32StringSeed());
    Totp totp = Totp.standard();
    long step = totp.step(node.clock.instant());
    node.iam().enableMFADevice(EnableMFADeviceRequest.newBuilder().setUserName("dana")
        .setSerialNumber(device.getSerialNumber())
        .setAuthenticationCode1(totp.code(seed, step - 1)).setAuthenticationCode2(totp.code(seed, step)).build());
    String guarded = node.role("Guarded", Policies.trust(node.userArn("dana"), "\"sts:AssumeRole\"",
        "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"), null);

    assertStsError("AccessDenied", 403, () -> node.sts(dana).assumeRole(b -> b.roleArn(guarded).roleSessionName("m0")));
    String code = totp.code(seed, step + 1);
    AssumeRoleResponse r = node.sts(dana).assumeRole(b -> b.roleArn(guarded).roleSessionName("m1")
        .serialNumber(device.getSerialNumber()).tokenCode(code));
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/Guarded/m1", r.assumedRoleUser().arn());
    assertStsError("AccessDenied", 403, () -> node.sts(dana).assumeRole(b -> b.roleArn(guarded)
        .roleSessionName("m2").serialNumber(device.getSerialNumber()).tokenCode(code)));
  }

  @Test
  void getSessionTokenActsAsTheUserAndCannotBeCalledWithSessionCredentials() {
    AwsBasicCredentials erin = node.user("erin", null);
    Credentials c = node.sts(erin).getSessionToken(b -> b.durationSeconds(900)).credentials();
    assertTrue(c.accessKeyId().startsWith("ASIA"), c.accessKeyId());
    assertEquals(node.clock.instant().plusSeconds(900).truncatedTo(ChronoUnit.SECONDS), c.expiration());
    assertEquals(node.userArn("erin"), node.sts(session(c)).getCallerIdentity().arn());
    StsException e = assertStsError("AccessDenied", 403, () -> node.sts(session(c)).getSessionToken());
    assertTrue(e.awsErrorDetails().errorMessage().contains("session credentials"), e.getMessage());
    assertStsError("ValidationError", 400, () -> node.sts(erin).getSessionToken(b -> b.durationSeconds(60)));
  }

  @Test
  void getFederationTokenNamesTheFederatedUser() {
    AwsBasicCredentials frank = node.user("frank", Policies.allow("sts:GetFederationToken", "*"));
    GetFederationTokenResponse r = node.sts(frank).getFederationToken(b -> b.name("fed-frank")
        .policy(Policies.allow("s3:GetObject", "*")).durationSeconds(1800));
    assertEquals("arn:aws:sts::" + node.accountId + ":federated-user/fed-frank", r.federatedUser().arn());
    assertEquals(node.accountId + ":fed-frank", r.federatedUser().federatedUserId());
    assertNotNull(r.packedPolicySize());
    assertEquals(node.clock.instant().plusSeconds(1800).truncatedTo(ChronoUnit.SECONDS), r.credentials().expiration());
    assertEquals(r.federatedUser().arn(), node.sts(session(r.credentials())).getCallerIdentity().arn());

    AwsBasicCredentials grace = node.user("grace", null);
    assertStsError("AccessDenied", 403, () -> node.sts(grace).getFederationToken(b -> b.name("fed-grace")));
  }

  @Test
  void getAccessKeyInfoNamesTheAccountOfALongTermKey() {
    AwsBasicCredentials hank = node.user("hank", Policies.allow("sts:GetAccessKeyInfo", "*"));
    AwsBasicCredentials other = node.user("ivy", null);
    assertEquals(node.accountId, node.sts(hank).getAccessKeyInfo(b -> b.accessKeyId(other.accessKeyId())).account());
    assertStsError("AccessDenied", 403, () -> node.sts(other).getAccessKeyInfo(b -> b.accessKeyId(hank.accessKeyId())));
  }

  @Test
  void decodeAuthorizationMessageExplainsADenial() {
    AwsBasicCredentials jane = node.user("jane", Policies.allow("sts:DecodeAuthorizationMessage", "*"));
    AuthorizeResponse denied = node.authz(jane).authorize(AuthorizeRequest.newBuilder()
        .setAction("s3:DeleteBucket").setResource("arn:aws:s3:::audit-logs").build());
    assertEquals(Decision.IMPLICIT_DENY, denied.getDecision());
    String encoded = denied.getEncodedAuthorizationMessage();
    assertFalse(encoded.isEmpty());

    String decoded = node.sts(jane).decodeAuthorizationMessage(b -> b.encodedMessage(encoded)).decodedMessage();
    assertTrue(decoded.startsWith("{") && decoded.contains("s3:DeleteBucket") && decoded.contains("audit-logs"),
        decoded);
    assertThrows(InvalidAuthorizationMessageException.class,
        () -> node.sts(jane).decodeAuthorizationMessage(b -> b.encodedMessage("bm90LW91cnM.garbage")));
    AwsBasicCredentials kim = node.user("kim", null);
    assertStsError("AccessDenied", 403, () -> node.sts(kim).decodeAuthorizationMessage(b -> b.encodedMessage(encoded)));
  }

  @Test
  void malformedAndOversizedSessionPoliciesAreTheSdksTypedExceptions() {
    AwsBasicCredentials liam = node.user("liam", null);
    String roleArn = node.role("Packed", Policies.trust(node.userArn("liam"), "\"sts:AssumeRole\",\"sts:TagSession\"",
        null), null);
    MalformedPolicyDocumentException malformed = assertThrows(MalformedPolicyDocumentException.class,
        () -> node.sts(liam).assumeRole(b -> b.roleArn(roleArn).roleSessionName("mp").policy("{\"Version\":")));
    assertEquals(400, malformed.statusCode());
    assertEquals("MalformedPolicyDocument", malformed.awsErrorDetails().errorCode());

    Random random = new Random(7);
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tags.add(Tag.builder().key(i + "-" + letters(random, 120)).value(letters(random, 256)).build());
    }
    PackedPolicyTooLargeException tooLarge = assertThrows(PackedPolicyTooLargeException.class,
        () -> node.sts(liam).assumeRole(b -> b.roleArn(roleArn).roleSessionName("pp").tags(tags)));
    assertEquals(400, tooLarge.statusCode());
  }

  @Test
  void badSignaturesUnknownKeysAndOtherRegionsAreRefusedAsAwsRefusesThem() {
    AwsBasicCredentials mia = node.user("mia", null);
    AwsBasicCredentials wrongSecret = AwsBasicCredentials.create(mia.accessKeyId(),
        mia.secretAccessKey().substring(1) + (mia.secretAccessKey().charAt(0) == 'A' ? 'B' : 'A'));
    StsException bad = assertStsError("SignatureDoesNotMatch", 403, () -> node.sts(wrongSecret).getCallerIdentity());
    assertFalse(bad.getMessage().contains(mia.secretAccessKey()), "no secret in the message");

    assertStsError("InvalidClientTokenId", 403, () -> node.sts(AwsBasicCredentials.create("AKIAZZZZZZZZZZZZZZZZ",
        mia.secretAccessKey())).getCallerIdentity());

    StsException region = assertStsError("SignatureDoesNotMatch", 403,
        () -> node.sts(mia, "eu-west-1").getCallerIdentity());
    assertTrue(region.awsErrorDetails().errorMessage().contains("us-east-1"), region.getMessage());
  }

  @Test
  void expiredSessionCredentialsAreRefusedWithAwsExpiredTokenCode() {
    AwsBasicCredentials noah = node.user("noah", null);
    String roleArn = node.role("ShortLived", Policies.trust(node.userArn("noah")), null);
    Credentials c = node.sts(noah).assumeRole(b -> b.roleArn(roleArn).roleSessionName("brief").durationSeconds(900))
        .credentials();
    assertEquals(roleArn.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/brief",
        node.sts(session(c)).getCallerIdentity().arn());

    node.clock.advance(Duration.ofSeconds(900 + 600));
    // AWS answers expired session credentials with the code ExpiredToken (HTTP 400); the SDK's typed
    // ExpiredTokenException is for the code ExpiredTokenException (expired identity-provider tokens).
    StsException e = assertStsError("ExpiredToken", 400, () -> node.sts(session(c)).getCallerIdentity());
    assertTrue(e.awsErrorDetails().errorMessage().contains("expired"), e.getMessage());
    assertEquals(node.userArn("noah"), node.sts(noah).getCallerIdentity().arn(), "long-term keys still work");
  }

  private static String letters(Random random, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    return b.toString();
  }
}
