package dev.lanyard.sts.session;

import static dev.lanyard.sts.session.GrpcErrors.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.proto.sts.v1.PolicyDescriptorType;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.store.model.CreatedMfaDevice;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionGrant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AssumeRole over in-process gRPC against a real H2 store, key ring and tokens. */
class AssumeRoleGrpcTest {
  @TempDir
  Path dir;
  StsTestServer sts;
  String acct;

  @BeforeEach
  void start() throws Exception {
    sts = new StsTestServer(dir);
    acct = sts.account();
  }

  @AfterEach
  void stop() {
    sts.close();
  }

  private static AssumeRoleRequest.Builder assume(Role role, String session) {
    return AssumeRoleRequest.newBuilder().setRoleArn(role.arn()).setRoleSessionName(session);
  }

  private SessionGrant grantOf(AssumeRoleResponse r) {
    return sts.sessionCaller(r.getCredentials().getSessionToken()).session().claims().grant();
  }

  @Test
  void sameAccountTrustNamingTheUserNeedsNoIdentityPolicy() {
    Caller alice = sts.user(acct, "alice", null);
    Role role = sts.role(acct, "Deployer", Policies.trust(alice.arn()), null, 3600);
    AssumeRoleResponse r = sts.sts(alice).assumeRole(assume(role, "ci-run").build());

    assertEquals("arn:aws:sts::" + acct + ":assumed-role/Deployer/ci-run", r.getAssumedRoleUser().getArn());
    assertEquals(role.id() + ":ci-run", r.getAssumedRoleUser().getAssumedRoleId());
    assertTrue(r.getCredentials().getAccessKeyId().startsWith("ASIA"));
    assertEquals(40, r.getCredentials().getSecretAccessKey().length());
    assertEquals(sts.clock.instant().getEpochSecond() + 3600, r.getCredentials().getExpiration().getSeconds());
    assertFalse(r.hasPackedPolicySize());
    GetCallerIdentityResponse id = sts.sts(sts.sessionCaller(r.getCredentials().getSessionToken()))
        .getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
    assertEquals(r.getAssumedRoleUser().getArn(), id.getArn());
    assertEquals(acct, id.getAccount());
    assertEquals(role.id() + ":ci-run", id.getUserId());
  }

  @Test
  void trustNamingTheAccountDelegatesToTheIdentityPolicy() {
    Role role = sts.role(acct, "Reader", Policies.trust(acct), null, 3600);
    Caller without = sts.user(acct, "bob", null);
    Caller with = sts.user(acct, "carol", Policies.allow("sts:AssumeRole", role.arn()));

    String message = assertAwsError("AccessDenied", () -> sts.sts(without).assumeRole(assume(role, "s1").build()));
    assertTrue(message.contains("is not authorized to perform: sts:AssumeRole on resource: " + role.arn()), message);
    assertEquals("arn:aws:sts::" + acct + ":assumed-role/Reader/s2",
        sts.sts(with).assumeRole(assume(role, "s2").build()).getAssumedRoleUser().getArn());
  }

  @Test
  void anIdentityPolicyAloneDoesNotOpenARoleWhoseTrustNamesSomeoneElse() {
    Caller dave = sts.user(acct, "dave", Policies.allow("sts:AssumeRole", "*"));
    Role role = sts.role(acct, "Other", Policies.trust("arn:aws:iam::" + acct + ":user/someone-else"), null, 3600);
    assertAwsError("AccessDenied", () -> sts.sts(dave).assumeRole(assume(role, "ss").build()));
  }

  @Test
  void crossAccountNeedsBothTheTrustPolicyAndTheIdentityPolicy() {
    String other = sts.account();
    Role trusting = sts.role(other, "Shared", Policies.trust(acct), null, 3600);
    Role notTrusting = sts.role(other, "Private", Policies.trust("999999999999"), null, 3600);
    Caller allowed = sts.user(acct, "erin", Policies.allow("sts:AssumeRole", "*"));
    Caller noPolicy = sts.user(acct, "frank", null);

    AssumeRoleResponse r = sts.sts(allowed).assumeRole(assume(trusting, "xx").build());
    assertEquals("arn:aws:sts::" + other + ":assumed-role/Shared/xx", r.getAssumedRoleUser().getArn());
    assertAwsError("AccessDenied", () -> sts.sts(noPolicy).assumeRole(assume(trusting, "xx").build()));
    assertAwsError("AccessDenied", () -> sts.sts(allowed).assumeRole(assume(notTrusting, "xx").build()));
  }

  @Test
  void aMissingRoleIsAccessDeniedAsAwsAnswers() {
    Caller alice = sts.user(acct, "alice", Policies.allow("sts:AssumeRole", "*"));
    String arn = "arn:aws:iam::" + acct + ":role/Nope";
    String message = assertAwsError("AccessDenied", () -> sts.sts(alice).assumeRole(
        AssumeRoleRequest.newBuilder().setRoleArn(arn).setRoleSessionName("ss").build()));
    assertTrue(message.contains("sts:AssumeRole on resource: " + arn), message);
  }

  @Test
  void theRootCannotAssumeRoles() {
    Role role = sts.role(acct, "R", Policies.trust(acct), null, 3600);
    String message = assertAwsError("AccessDenied", () -> sts.sts(sts.root(acct)).assumeRole(assume(role, "ss").build()));
    assertTrue(message.contains("Roles may not be assumed by root accounts."), message);
  }

  @Test
  void roleChainingIsCappedAtOneHourAndCountsTheDepth() {
    Caller alice = sts.user(acct, "alice", null);
    Role first = sts.role(acct, "First", Policies.trust(alice.arn()), null, 43_200);
    Role second = sts.role(acct, "Second", Policies.trust(first.arn()), null, 43_200);
    AssumeRoleResponse long12h = sts.sts(alice).assumeRole(assume(first, "aa").setDurationSeconds(43_200).build());
    assertEquals(sts.clock.instant().getEpochSecond() + 43_200, long12h.getCredentials().getExpiration().getSeconds());
    assertEquals(0, grantOf(long12h).chainDepth());
    Caller session = sts.sessionCaller(long12h.getCredentials().getSessionToken());

    String message = assertAwsError("ValidationError",
        () -> sts.sts(session).assumeRole(assume(second, "bb").setDurationSeconds(3601).build()));
    assertTrue(message.contains("1 hour session limit for roles assumed by role chaining"), message);
    AssumeRoleResponse chained = sts.sts(session).assumeRole(assume(second, "bb").setDurationSeconds(3600).build());
    assertEquals(1, grantOf(chained).chainDepth());
    assertEquals(sts.clock.instant().getEpochSecond() + 3600, chained.getCredentials().getExpiration().getSeconds());
  }

  @Test
  void durationMustFitTheRolesMaximum() {
    Caller alice = sts.user(acct, "alice", null);
    Role role = sts.role(acct, "Short", Policies.trust(alice.arn()), null, 3600);
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(assume(role, "ss").setDurationSeconds(899).build()));
    String message = assertAwsError("ValidationError",
        () -> sts.sts(alice).assumeRole(assume(role, "ss").setDurationSeconds(7200).build()));
    assertTrue(message.contains("MaxSessionDuration"), message);
    assertEquals(sts.clock.instant().getEpochSecond() + 900, sts.sts(alice)
        .assumeRole(assume(role, "ss").setDurationSeconds(900).build()).getCredentials().getExpiration().getSeconds());
  }

  @Test
  void badParametersAreValidationErrors() {
    Caller alice = sts.user(acct, "alice", null);
    Role role = sts.role(acct, "R", Policies.trust(alice.arn()), null, 3600);
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(assume(role, "has space").build()));
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(assume(role, "x").build()));
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(assume(role, "ss").setExternalId("a").build()));
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(assume(role, "ss")
        .setSerialNumber("arn:aws:iam::" + acct + ":mfa/x").setTokenCode("12ab56").build()));
  }

  @Test
  void anMfaProtectedRoleNeedsAValidCodeFromTheUsersDevice() {
    Caller alice = sts.user(acct, "alice", null);
    CreatedMfaDevice device = sts.store.mfaDevices().create(acct, "alice-phone", "/");
    sts.store.mfaDevices().enable(acct, "alice", device.device().serialNumber());
    sts.versions.refresh();
    Role role = sts.role(acct, "Admin", Policies.trust(alice.arn(), "\"sts:AssumeRole\"",
        "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"), null, 3600);
    String serial = device.device().serialNumber();
    Totp totp = Totp.standard();
    String code = totp.code(device.seed().bytes(), totp.step(sts.clock.instant()));
    String wrong = code.equals("000000") ? "111111" : "000000";

    assertAwsError("AccessDenied", () -> sts.sts(alice).assumeRole(assume(role, "ss").build()));
    String message = assertAwsError("AccessDenied", () -> sts.sts(alice).assumeRole(assume(role, "ss")
        .setSerialNumber(serial).setTokenCode(wrong).build()));
    assertTrue(message.contains("MultiFactorAuthentication failed with invalid MFA one time pass code"), message);
    AssumeRoleResponse r = sts.sts(alice).assumeRole(assume(role, "ss").setSerialNumber(serial).setTokenCode(code).build());
    assertTrue(grantOf(r).mfaPresent());
    assertAwsError("AccessDenied", () -> sts.sts(alice).assumeRole(assume(role, "again")
        .setSerialNumber(serial).setTokenCode(code).build()));
  }

  @Test
  void externalIdIsComparedByTheTrustPolicy() {
    Caller partner = sts.user(acct, "partner", null);
    Role role = sts.role(acct, "Vendor", Policies.trust(partner.arn(), "\"sts:AssumeRole\"",
        "{\"StringEquals\":{\"sts:ExternalId\":\"ext-12345\"}}"), null, 3600);
    assertAwsError("AccessDenied", () -> sts.sts(partner).assumeRole(assume(role, "ss").build()));
    assertAwsError("AccessDenied", () -> sts.sts(partner).assumeRole(assume(role, "ss").setExternalId("ext-99999").build()));
    sts.sts(partner).assumeRole(assume(role, "ss").setExternalId("ext-12345").build());
  }

  @Test
  void sessionTagsNeedTagSessionAndTransitiveTagsPassThroughAChain() {
    Caller alice = sts.user(acct, "alice", null);
    Role noTagging = sts.role(acct, "NoTags", Policies.trust(alice.arn()), null, 3600);
    Role first = sts.role(acct, "First", Policies.trust(alice.arn(), "\"sts:AssumeRole\",\"sts:TagSession\"", null),
        null, 3600);
    Role second = sts.role(acct, "Second", Policies.trust(first.arn(), "\"sts:AssumeRole\",\"sts:TagSession\"",
        "{\"StringEquals\":{\"aws:RequestTag/Project\":\"blue\"}}"), null, 3600);
    Role secondNoTagging = sts.role(acct, "SecondNoTags", Policies.trust(first.arn()), null, 3600);
    Tag project = Tag.newBuilder().setKey("Project").setValue("blue").build();
    Tag team = Tag.newBuilder().setKey("Team").setValue("core").build();

    assertAwsError("AccessDenied", () -> sts.sts(alice).assumeRole(assume(noTagging, "ss").addTags(project).build()));
    AssumeRoleResponse tagged = sts.sts(alice).assumeRole(assume(first, "ss").addTags(project).addTags(team)
        .addTransitiveTagKeys("Project").build());
    assertTrue(tagged.hasPackedPolicySize());
    Caller session = sts.sessionCaller(tagged.getCredentials().getSessionToken());

    AssumeRoleResponse chained = sts.sts(session).assumeRole(assume(second, "tt").build());
    SessionGrant grant = grantOf(chained);
    assertEquals("blue", grant.tags().value("project").orElseThrow());
    assertTrue(grant.tags().value("Team").isEmpty(), "non-transitive tags do not pass on");
    assertTrue(grant.tags().isTransitive("Project"));
    assertAwsError("AccessDenied", () -> sts.sts(session).assumeRole(assume(secondNoTagging, "tt").build()));
    String conflict = assertAwsError("InvalidParameterValue", () -> sts.sts(session).assumeRole(assume(second, "tt")
        .addTags(Tag.newBuilder().setKey("PROJECT").setValue("red")).build()));
    assertTrue(conflict.contains("inherited"), conflict);
  }

  @Test
  void tagRulesFollowAws() {
    Caller alice = sts.user(acct, "alice", null);
    Role role = sts.role(acct, "T", Policies.trust(alice.arn(), "\"sts:AssumeRole\",\"sts:TagSession\"", null),
        null, 3600);
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(assume(role, "ss")
        .addTags(Tag.newBuilder().setKey("env").setValue("a")).addTags(Tag.newBuilder().setKey("Env").setValue("b"))
        .build()));
    assertAwsError("InvalidParameterValue", () -> sts.sts(alice).assumeRole(assume(role, "ss")
        .addTags(Tag.newBuilder().setKey("env").setValue("a")).addTransitiveTagKeys("team").build()));
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(assume(role, "ss")
        .addTags(Tag.newBuilder().setKey("bad#key").setValue("a")).build()));
  }

  @Test
  void tooManyPackedTagsArePackedPolicyTooLarge() {
    Caller alice = sts.user(acct, "alice", null);
    Role role = sts.role(acct, "T", Policies.trust(alice.arn(), "\"sts:AssumeRole\",\"sts:TagSession\"", null),
        null, 3600);
    Random random = new Random(7);
    AssumeRoleRequest.Builder b = assume(role, "ss");
    for (int i = 0; i < 50; i++) {
      b.addTags(Tag.newBuilder().setKey(i + "-" + letters(random, 120)).setValue(letters(random, 256)));
    }
    assertAwsError("PackedPolicyTooLarge", () -> sts.sts(alice).assumeRole(b.build()));
  }

  @Test
  void sourceIdentityNeedsPermissionAndPersistsThroughChaining() {
    Caller alice = sts.user(acct, "alice", null);
    Role plain = sts.role(acct, "Plain", Policies.trust(alice.arn()), null, 3600);
    Role first = sts.role(acct, "First", Policies.trust(alice.arn(), "\"sts:AssumeRole\",\"sts:SetSourceIdentity\"",
        null), null, 3600);
    Role second = sts.role(acct, "Second", Policies.trust(first.arn(), "\"sts:AssumeRole\",\"sts:SetSourceIdentity\"",
        "{\"StringEquals\":{\"sts:SourceIdentity\":\"alice@example.com\"}}"), null, 3600);
    Role secondWithout = sts.role(acct, "SecondWithout", Policies.trust(first.arn()), null, 3600);

    assertAwsError("AccessDenied", () -> sts.sts(alice).assumeRole(assume(plain, "ss")
        .setSourceIdentity("alice@example.com").build()));
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(assume(first, "ss").setSourceIdentity("aws:x").build()));
    AssumeRoleResponse r = sts.sts(alice).assumeRole(assume(first, "ss").setSourceIdentity("alice@example.com").build());
    assertEquals("alice@example.com", r.getSourceIdentity());
    Caller session = sts.sessionCaller(r.getCredentials().getSessionToken());

    AssumeRoleResponse chained = sts.sts(session).assumeRole(assume(second, "tt").build());
    assertEquals("alice@example.com", chained.getSourceIdentity());
    assertEquals("alice@example.com", grantOf(chained).sourceIdentity());
    assertAwsError("ValidationError", () -> sts.sts(session).assumeRole(assume(second, "tt")
        .setSourceIdentity("mallory").build()));
    assertAwsError("AccessDenied", () -> sts.sts(session).assumeRole(assume(secondWithout, "tt").build()));
  }

  @Test
  void sessionPoliciesAreValidatedAndMeasured() {
    Caller alice = sts.user(acct, "alice", null);
    Role role = sts.role(acct, "R", Policies.trust(alice.arn()), null, 3600);
    assertAwsError("MalformedPolicyDocument", () -> sts.sts(alice).assumeRole(assume(role, "ss")
        .setPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\"}]}").build()));
    assertAwsError("MalformedPolicyDocument", () -> sts.sts(alice).assumeRole(assume(role, "ss")
        .addPolicyArns(PolicyDescriptorType.newBuilder().setArn("arn:aws:iam::" + acct + ":policy/Missing")).build()));
    AssumeRoleRequest.Builder eleven = assume(role, "ss");
    for (int i = 0; i < 11; i++) {
      eleven.addPolicyArns(PolicyDescriptorType.newBuilder().setArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    }
    assertAwsError("ValidationError", () -> sts.sts(alice).assumeRole(eleven.build()));
    AssumeRoleResponse r = sts.sts(alice).assumeRole(assume(role, "ss").setPolicy(Policies.allow("s3:GetObject", "*"))
        .addPolicyArns(PolicyDescriptorType.newBuilder().setArn("arn:aws:iam::aws:policy/ReadOnlyAccess")).build());
    assertTrue(r.hasPackedPolicySize());
    assertTrue(r.getPackedPolicySize() > 0 && r.getPackedPolicySize() < 100, "size " + r.getPackedPolicySize());
    assertEquals(java.util.List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
        grantOf(r).sessionPolicy().managedPolicyArns());
  }

  @Test
  void everyCallIsAuditedWithoutSecrets() {
    Caller alice = sts.user(acct, "alice", null);
    Role role = sts.role(acct, "R", Policies.trust(alice.arn()), null, 3600);
    AssumeRoleResponse r = sts.sts(alice).assumeRole(assume(role, "ss").setTokenCode("").build());
    assertEquals(1, sts.audit.size());
    String line = sts.audit.get(0).toString() + sts.audit.get(0).parameters();
    assertFalse(line.contains(r.getCredentials().getSecretAccessKey()));
    assertFalse(line.contains(r.getCredentials().getSessionToken()));
    assertEquals("AssumeRole", sts.audit.get(0).action());
    assertNull(sts.audit.get(0).errorCode());
  }

  @Test
  void aRevokedSessionCannotChain() {
    Caller alice = sts.user(acct, "alice", null);
    Role first = sts.role(acct, "First", Policies.trust(alice.arn()), null, 3600);
    Role second = sts.role(acct, "Second", Policies.trust(first.arn()), null, 3600);
    Caller session = sts.sessionCaller(sts.sts(alice).assumeRole(assume(first, "aa").build())
        .getCredentials().getSessionToken());
    sts.advance(Duration.ofSeconds(5));
    sts.store.roles().revokeSessions(acct, "First", sts.clock.instant());
    sts.versions.refresh();
    assertAwsError("AccessDenied", () -> sts.sts(session).assumeRole(assume(second, "bb").build()));
  }

  private static String letters(Random random, int n) {
    StringBuilder s = new StringBuilder(n);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
