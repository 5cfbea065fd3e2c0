package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.AwsErrors.assertAwsError;
import static dev.lanyard.sts.e2e.Sessions.ask;
import static dev.lanyard.sts.e2e.Sessions.assume;
import static dev.lanyard.sts.e2e.Sessions.roleArn;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE_ARN;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.BOB;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.PARTNER;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.PRIMARY;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.REPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.authz.v1.AuthorizeResponse;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.authz.v1.PolicyType;
import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.iam.v1.CreateVirtualMFADeviceRequest;
import dev.lanyard.proto.iam.v1.EnableMFADeviceRequest;
import dev.lanyard.proto.iam.v1.RevokeSessionsRequest;
import dev.lanyard.proto.iam.v1.RevokeSessionsResponse;
import dev.lanyard.proto.iam.v1.VirtualMFADevice;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.mfa.Base32;
import dev.lanyard.sts.mfa.Totp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AssumeRole family against a real node over a real socket: users and roles from the bootstrap
 * file, the IAM API for MFA devices and revocation, the Authorizer to observe what a session may do.
 * The node runs on a clock the test moves; clients sign with the same clock.
 */
class AssumeRoleEndToEndTest {
  @TempDir
  static Path dir;
  static MutableClock clock;
  static RunningServer node;

  @BeforeAll
  static void start() throws Exception {
    // Half a second past a whole second, so that second-granular token times are exercised.
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(500));
    node = TwoAccountBootstrap.start(dir, clock);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static AssumeRoleResponse assumeAs(Credentials who, String roleArn, String session) {
    return node.sts(who).assumeRole(assume(roleArn, session).build());
  }

  private static GetCallerIdentityResponse whoAmI(Credentials c) {
    return node.sts(c).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
  }

  private static Decision decide(Credentials session, String action) {
    return node.authz(session).authorize(ask(action, REPORT)).getDecision();
  }

  @Test
  void aUserAssumesARoleInItsOwnAccountWhoseTrustNamesIt() {
    AssumeRoleResponse r = assumeAs(ALICE, roleArn(PRIMARY, "Deployer"), "deploy-1");
    assertEquals("arn:aws:sts::" + PRIMARY + ":assumed-role/Deployer/deploy-1", r.getAssumedRoleUser().getArn());
    assertTrue(r.getCredentials().getAccessKeyId().startsWith("ASIA"), r.getCredentials().getAccessKeyId());
    assertEquals(clock.instant().getEpochSecond() + 3600, r.getCredentials().getExpiration().getSeconds());

    GetCallerIdentityResponse id = whoAmI(Sessions.of(r.getCredentials()));
    assertEquals(r.getAssumedRoleUser().getArn(), id.getArn());
    assertEquals(PRIMARY, id.getAccount());
    assertEquals(r.getAssumedRoleUser().getAssumedRoleId(), id.getUserId());
    assertAwsError("AccessDenied", () -> assumeAs(BOB, roleArn(PRIMARY, "Deployer"), "deploy-2"));
  }

  @Test
  void aUserAssumesRolesInAnotherAccountTrustingTheAccountOrTheUser() {
    AssumeRoleResponse viaAccount = assumeAs(ALICE, roleArn(PARTNER, "TrustsAccount"), "cross-1");
    assertEquals("arn:aws:sts::" + PARTNER + ":assumed-role/TrustsAccount/cross-1",
        viaAccount.getAssumedRoleUser().getArn());
    assertEquals(PARTNER, whoAmI(Sessions.of(viaAccount.getCredentials())).getAccount());

    AssumeRoleResponse viaUser = assumeAs(ALICE, roleArn(PARTNER, "TrustsAlice"), "cross-2");
    assertEquals(PARTNER, whoAmI(Sessions.of(viaUser.getCredentials())).getAccount());

    // Cross-account needs the caller's own identity policy too: bob has none.
    assertAwsError("AccessDenied", () -> assumeAs(BOB, roleArn(PARTNER, "TrustsAccount"), "cross-3"));
  }

  @Test
  void roleChainingIsCappedAtOneHour() {
    AssumeRoleResponse first = node.sts(ALICE).assumeRole(
        assume(roleArn(PRIMARY, "Deployer"), "chain-1").setDurationSeconds(7200).build());
    assertEquals(clock.instant().getEpochSecond() + 7200, first.getCredentials().getExpiration().getSeconds(),
        "a direct AssumeRole may last up to the role's maximum");
    Credentials session = Sessions.of(first.getCredentials());

    AwsErrors.Refusal refusal = assertAwsError("ValidationError", () -> node.sts(session).assumeRole(
        assume(roleArn(PRIMARY, "Chained"), "chain-2").setDurationSeconds(7200).build()));
    assertTrue(refusal.message().contains("role chaining"), refusal.message());

    AssumeRoleResponse chained = node.sts(session).assumeRole(
        assume(roleArn(PRIMARY, "Chained"), "chain-2").setDurationSeconds(3600).build());
    assertEquals("arn:aws:sts::" + PRIMARY + ":assumed-role/Chained/chain-2", chained.getAssumedRoleUser().getArn());
    assertEquals(clock.instant().getEpochSecond() + 3600, chained.getCredentials().getExpiration().getSeconds());
  }

  @Test
  void anMfaProtectedRoleNeedsACodeFromADeviceEnabledThroughTheIamApi() {
    VirtualMFADevice device = node.iam(node.root).createVirtualMFADevice(CreateVirtualMFADeviceRequest.newBuilder()
        .setVirtualMfaDeviceName("alice-phone").build()).getVirtualMfaDevice();
    byte[] seed = Base32.decode(device.getBase32StringSeed());
    Totp totp = Totp.standard();
    long step = totp.step(clock.instant());
    node.iam(node.root).enableMFADevice(EnableMFADeviceRequest.newBuilder().setUserName("alice")
        .setSerialNumber(device.getSerialNumber())
        .setAuthenticationCode1(totp.code(seed, step - 1))
        .setAuthenticationCode2(totp.code(seed, step)).build());
    String guarded = roleArn(PRIMARY, "Guarded");

    assertAwsError("AccessDenied", () -> assumeAs(ALICE, guarded, "mfa-0"));
    String code = totp.code(seed, step + 1);
    String wrong = code.equals("000000") ? "111111" : "000000";
    assertAwsError("AccessDenied", () -> node.sts(ALICE).assumeRole(assume(guarded, "mfa-1")
        .setSerialNumber(device.getSerialNumber()).setTokenCode(wrong).build()));
    AssumeRoleResponse r = node.sts(ALICE).assumeRole(assume(guarded, "mfa-2")
        .setSerialNumber(device.getSerialNumber()).setTokenCode(code).build());
    assertEquals(Decision.ALLOW, decide(Sessions.of(r.getCredentials()), "s3:GetObject"),
        "the session carries aws:MultiFactorAuthPresent");
    assertAwsError("AccessDenied", () -> node.sts(ALICE).assumeRole(assume(guarded, "mfa-3")
        .setSerialNumber(device.getSerialNumber()).setTokenCode(code).build()));
  }

  @Test
  void anExternalIdIsRequiredWhenTheTrustPolicyAsksForIt() {
    String vendor = roleArn(PRIMARY, "Vendor");
    assertAwsError("AccessDenied", () -> assumeAs(ALICE, vendor, "ext-1"));
    assertAwsError("AccessDenied", () -> node.sts(ALICE).assumeRole(
        assume(vendor, "ext-2").setExternalId("partner-ext-99999").build()));
    AssumeRoleResponse r = node.sts(ALICE).assumeRole(
        assume(vendor, "ext-3").setExternalId(TwoAccountBootstrap.EXTERNAL_ID).build());
    assertEquals("arn:aws:sts::" + PRIMARY + ":assumed-role/Vendor/ext-3", r.getAssumedRoleUser().getArn());
  }

  @Test
  void sessionTagsOverrideRoleTagsAndOnlyTransitiveTagsPassThroughAChain() {
    Tag project = Tag.newBuilder().setKey("Project").setValue("blue").build();
    Tag team = Tag.newBuilder().setKey("Team").setValue("core").build();
    AssumeRoleResponse tagged = node.sts(ALICE).assumeRole(assume(roleArn(PRIMARY, "Tagged"), "tags-1")
        .addTags(project).addTags(team).addTransitiveTagKeys("Project").build());
    assertTrue(tagged.hasPackedPolicySize());
    Credentials first = Sessions.of(tagged.getCredentials());
    assertEquals(Decision.ALLOW, decide(first, "s3:GetObject"),
        "the session tag Project=blue overrides the role tag Project=green");

    AssumeRoleResponse chained = node.sts(first).assumeRole(assume(roleArn(PRIMARY, "TagReader"), "tags-2").build());
    Credentials second = Sessions.of(chained.getCredentials());
    AuthorizeResponse read = node.authz(second).authorize(ask("s3:GetObject", REPORT));
    assertEquals(Decision.ALLOW, read.getDecision(), "the transitive tag Project passed on");
    assertEquals("ReadBlueProject", read.getDecidingStatements(0).getSid());
    assertEquals(Decision.IMPLICIT_DENY, decide(second, "s3:PutObject"), "Team was not transitive");

    AwsErrors.Refusal conflict = assertAwsError("InvalidParameterValue", () -> node.sts(first).assumeRole(
        assume(roleArn(PRIMARY, "TagReader"), "tags-3")
            .addTags(Tag.newBuilder().setKey("project").setValue("red")).build()));
    assertTrue(conflict.message().contains("Project") || conflict.message().contains("project"), conflict.message());
  }

  @Test
  void aSessionPolicyNarrowsWhatAuthorizeAllows() {
    String analyst = roleArn(PRIMARY, "Analyst");
    Credentials narrowed = Sessions.of(node.sts(ALICE).assumeRole(assume(analyst, "narrow")
        .setPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}").build()).getCredentials());
    Credentials full = Sessions.of(assumeAs(ALICE, analyst, "full").getCredentials());

    assertEquals(Decision.ALLOW, decide(narrowed, "s3:GetObject"));
    AuthorizeResponse put = node.authz(narrowed).authorize(ask("s3:PutObject", REPORT));
    assertEquals(Decision.IMPLICIT_DENY, put.getDecision());
    assertEquals(PolicyType.SESSION_POLICY, put.getMissingAllow(0));
    assertEquals(Decision.ALLOW, decide(full, "s3:PutObject"), "the role itself allows s3:PutObject");
  }

  @Test
  void revokeSessionsDeniesOlderSessionsAndNewSessionsWork() {
    String revocable = roleArn(PRIMARY, "Revocable");
    Credentials old = Sessions.of(assumeAs(ALICE, revocable, "before").getCredentials());
    assertEquals(Decision.ALLOW, decide(old, "s3:GetObject"));

    // Revoked in the same second the session was issued in: it must still be refused.
    clock.advance(Duration.ofMillis(300));
    RevokeSessionsResponse revoked = node.iam(node.root).revokeSessions(
        RevokeSessionsRequest.newBuilder().setRoleName("Revocable").build());
    assertEquals(revocable, revoked.getArn());
    AuthorizeResponse denied = node.authz(old).authorize(ask("s3:GetObject", REPORT));
    assertEquals(Decision.EXPLICIT_DENY, denied.getDecision());
    assertEquals("AWSRevokeOlderSessions", denied.getDecidingStatements(0).getPolicy());

    // Session times are whole seconds: a session issued from the next second on is not revoked.
    clock.advance(Duration.ofSeconds(1));
    Credentials fresh = Sessions.of(assumeAs(ALICE, revocable, "after").getCredentials());
    assertEquals(Decision.ALLOW, decide(fresh, "s3:GetObject"));
    assertEquals(Decision.EXPLICIT_DENY, decide(old, "s3:GetObject"));
    assertEquals(ALICE_ARN, whoAmI(ALICE).getArn());
  }
}
