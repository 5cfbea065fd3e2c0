package dev.lanyard.sts.session;

import static dev.lanyard.sts.session.GrpcErrors.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.AuthorizeResponse;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.authz.v1.PolicyType;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.DecodeAuthorizationMessageRequest;
import dev.lanyard.proto.sts.v1.GetAccessKeyInfoRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityResponse;
import dev.lanyard.proto.sts.v1.GetFederationTokenRequest;
import dev.lanyard.proto.sts.v1.GetFederationTokenResponse;
import dev.lanyard.proto.sts.v1.GetSessionTokenRequest;
import dev.lanyard.proto.sts.v1.GetSessionTokenResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.mfa.Totp;
import dev.lanyard.sts.store.model.CreatedMfaDevice;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionGrant;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetSessionToken, GetFederationToken, GetCallerIdentity, GetAccessKeyInfo and DecodeAuthorizationMessage. */
class UserSessionsGrpcTest {
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

  private long now() {
    return sts.clock.instant().getEpochSecond();
  }

  @Test
  void getSessionTokenActsAsTheUserWithAwsDurations() {
    Caller alice = sts.user(acct, "alice", null);
    GetSessionTokenResponse r = sts.sts(alice).getSessionToken(GetSessionTokenRequest.getDefaultInstance());
    assertEquals(now() + 43_200, r.getCredentials().getExpiration().getSeconds());
    Caller session = sts.sessionCaller(r.getCredentials().getSessionToken());
    assertEquals(alice.arn(), session.arn());
    assertEquals(alice.userId(), session.userId());
    assertFalse(session.session().claims().grant().mfaPresent());

    assertAwsError("ValidationError", () -> sts.sts(alice).getSessionToken(
        GetSessionTokenRequest.newBuilder().setDurationSeconds(899).build()));
    assertAwsError("ValidationError", () -> sts.sts(alice).getSessionToken(
        GetSessionTokenRequest.newBuilder().setDurationSeconds(129_601).build()));
    assertEquals(now() + 129_600, sts.sts(alice).getSessionToken(GetSessionTokenRequest.newBuilder()
        .setDurationSeconds(129_600).build()).getCredentials().getExpiration().getSeconds());
    String message = assertAwsError("AccessDenied", () -> sts.sts(session).getSessionToken(
        GetSessionTokenRequest.getDefaultInstance()));
    assertTrue(message.contains("Cannot call GetSessionToken with session credentials"), message);
  }

  @Test
  void theRootsSessionTokenLastsAtMostAnHour() {
    GetSessionTokenResponse r = sts.sts(sts.root(acct)).getSessionToken(GetSessionTokenRequest.newBuilder()
        .setDurationSeconds(7200).build());
    assertEquals(now() + 3600, r.getCredentials().getExpiration().getSeconds());
  }

  @Test
  void getSessionTokenWithMfaCarriesTheMfaFactsIntoAssumeRole() {
    Caller alice = sts.user(acct, "alice", null);
    CreatedMfaDevice device = sts.store.mfaDevices().create(acct, "alice-key", "/");
    sts.store.mfaDevices().enable(acct, "alice", device.device().serialNumber());
    sts.versions.refresh();
    Totp totp = Totp.standard();
    String code = totp.code(device.seed().bytes(), totp.step(sts.clock.instant()));
    GetSessionTokenResponse r = sts.sts(alice).getSessionToken(GetSessionTokenRequest.newBuilder()
        .setSerialNumber(device.device().serialNumber()).setTokenCode(code).build());
    Caller session = sts.sessionCaller(r.getCredentials().getSessionToken());
    assertTrue(session.session().claims().grant().mfaPresent());

    Role role = sts.role(acct, "Admin", Policies.trust(alice.arn(), "\"sts:AssumeRole\"",
        "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"), null, 3600);
    SessionGrant grant = sts.sessionCaller(sts.sts(session).assumeRole(AssumeRoleRequest.newBuilder()
        .setRoleArn(role.arn()).setRoleSessionName("mfa").build()).getCredentials().getSessionToken())
        .session().claims().grant();
    assertTrue(grant.mfaPresent());
    assertEquals(0, grant.chainDepth());
    assertAwsError("AccessDenied", () -> sts.sts(session).decodeAuthorizationMessage(
        DecodeAuthorizationMessageRequest.newBuilder().setEncodedMessage("x.y").build()));
  }

  @Test
  void federationTokensNeedPermissionAndAreNarrowedBySessionPolicies() {
    String userPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"Action\":\"sts:GetFederationToken\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    Caller broker = sts.user(acct, "broker", userPolicy);
    Caller noPermission = sts.user(acct, "nobody", null);
    assertAwsError("AccessDenied", () -> sts.sts(noPermission).getFederationToken(
        GetFederationTokenRequest.newBuilder().setName("visitor").build()));
    assertAwsError("ValidationError", () -> sts.sts(broker).getFederationToken(
        GetFederationTokenRequest.newBuilder().setName("x").build()));

    GetFederationTokenResponse r = sts.sts(broker).getFederationToken(GetFederationTokenRequest.newBuilder()
        .setName("visitor").setPolicy(Policies.allow("s3:GetObject", "*")).build());
    assertEquals("arn:aws:sts::" + acct + ":federated-user/visitor", r.getFederatedUser().getArn());
    assertEquals(acct + ":visitor", r.getFederatedUser().getFederatedUserId());
    assertEquals(now() + 43_200, r.getCredentials().getExpiration().getSeconds());
    assertTrue(r.hasPackedPolicySize());
    Caller visitor = sts.sessionCaller(r.getCredentials().getSessionToken());

    AuthorizeResponse get = sts.authorizer(visitor).authorize(AuthorizeRequest.newBuilder()
        .setAction("s3:GetObject").setResource("arn:aws:s3:::bucket/key").build());
    assertEquals(Decision.ALLOW, get.getDecision());
    AuthorizeResponse put = sts.authorizer(visitor).authorize(AuthorizeRequest.newBuilder()
        .setAction("s3:PutObject").setResource("arn:aws:s3:::bucket/key").build());
    assertEquals(Decision.IMPLICIT_DENY, put.getDecision());
    assertEquals(PolicyType.SESSION_POLICY, put.getMissingAllow(0));

    Caller bare = sts.sessionCaller(sts.sts(broker).getFederationToken(GetFederationTokenRequest.newBuilder()
        .setName("bare").build()).getCredentials().getSessionToken());
    assertEquals(Decision.IMPLICIT_DENY, sts.authorizer(bare).authorize(AuthorizeRequest.newBuilder()
        .setAction("s3:GetObject").setResource("arn:aws:s3:::bucket/key").build()).getDecision());

    assertEquals(r.getFederatedUser().getArn(), sts.sts(visitor).getCallerIdentity(
        GetCallerIdentityRequest.getDefaultInstance()).getArn());
    assertAwsError("AccessDenied", () -> sts.sts(visitor).getFederationToken(
        GetFederationTokenRequest.newBuilder().setName("again").build()));
    assertAwsError("AccessDenied", () -> sts.sts(visitor).assumeRole(AssumeRoleRequest.newBuilder()
        .setRoleArn("arn:aws:iam::" + acct + ":role/Any").setRoleSessionName("ss").build()));
  }

  @Test
  void getCallerIdentityAnswersEvenUnderAnExplicitDeny() {
    Caller denied = sts.user(acct, "denied", Policies.deny("*", "*"));
    GetCallerIdentityResponse id = sts.sts(denied).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
    assertEquals(denied.arn(), id.getArn());
    assertEquals(denied.userId(), id.getUserId());
    assertEquals(acct, id.getAccount());
    assertAwsError("AccessDenied", () -> sts.sts(denied).decodeAuthorizationMessage(
        DecodeAuthorizationMessageRequest.newBuilder().setEncodedMessage("x.y").build()));
  }

  @Test
  void decodeAuthorizationMessageNeedsItsPermission() {
    Caller reader = sts.user(acct, "reader", null);
    Caller decoder = sts.user(acct, "decoder", Policies.allow("sts:DecodeAuthorizationMessage", "*"));
    AuthorizeResponse denied = sts.authorizer(reader).authorize(AuthorizeRequest.newBuilder()
        .setAction("s3:GetObject").setResource("arn:aws:s3:::bucket/key").build());
    assertEquals(Decision.IMPLICIT_DENY, denied.getDecision());
    String encoded = denied.getEncodedAuthorizationMessage();

    assertAwsError("AccessDenied", () -> sts.sts(reader).decodeAuthorizationMessage(
        DecodeAuthorizationMessageRequest.newBuilder().setEncodedMessage(encoded).build()));
    String json = sts.sts(decoder).decodeAuthorizationMessage(DecodeAuthorizationMessageRequest.newBuilder()
        .setEncodedMessage(encoded).build()).getDecodedMessage();
    assertTrue(json.contains("\"allowed\":false"), json);
    assertTrue(json.contains(reader.arn()), json);
    assertTrue(json.contains("s3:GetObject"), json);
    assertAwsError("InvalidAuthorizationMessageException", () -> sts.sts(decoder).decodeAuthorizationMessage(
        DecodeAuthorizationMessageRequest.newBuilder().setEncodedMessage("bm90.bWluZQ").build()));
  }

  @Test
  void getAccessKeyInfoNamesTheAccountOfLongTermKeysAndOfTheCallersOwnSession() {
    String other = sts.account();
    Caller owner = sts.user(other, "owner", null);
    Caller asker = sts.user(acct, "asker", Policies.allow("sts:GetAccessKeyInfo", "*"));
    Caller notAllowed = sts.user(acct, "plain", null);
    assertEquals(other, sts.sts(asker).getAccessKeyInfo(GetAccessKeyInfoRequest.newBuilder()
        .setAccessKeyId(owner.accessKeyId()).build()).getAccount());
    assertAwsError("AccessDenied", () -> sts.sts(notAllowed).getAccessKeyInfo(GetAccessKeyInfoRequest.newBuilder()
        .setAccessKeyId(owner.accessKeyId()).build()));
    assertAwsError("InvalidParameterValue", () -> sts.sts(asker).getAccessKeyInfo(GetAccessKeyInfoRequest
        .newBuilder().setAccessKeyId("AKIAAAAAAAAAAAAAAAAA").build()));
    assertAwsError("ValidationError", () -> sts.sts(asker).getAccessKeyInfo(GetAccessKeyInfoRequest
        .newBuilder().setAccessKeyId("AKIA-short").build()));

    Role role = sts.role(acct, "KeyInfo", Policies.trust(asker.arn()), Policies.allow("sts:GetAccessKeyInfo", "*"),
        3600);
    Caller session = sts.sessionCaller(sts.sts(asker).assumeRole(AssumeRoleRequest.newBuilder()
        .setRoleArn(role.arn()).setRoleSessionName("ss").build()).getCredentials().getSessionToken());
    assertEquals(acct, sts.sts(session).getAccessKeyInfo(GetAccessKeyInfoRequest.newBuilder()
        .setAccessKeyId(session.accessKeyId()).build()).getAccount());
    assertAwsError("InvalidParameterValue", () -> sts.sts(session).getAccessKeyInfo(GetAccessKeyInfoRequest
        .newBuilder().setAccessKeyId("ASIAAAAAAAAAAAAAAAAA").build()));
  }

  @Test
  void federationOperationsAreServedUnsignedAndCheckTheirProof() {
    String role = "arn:aws:iam::111122223333:role/deploy";
    assertAwsError("ValidationError", () -> sts.sts(null).assumeRoleWithWebIdentity(
        dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest.getDefaultInstance()));
    assertAwsError("InvalidIdentityToken", () -> sts.sts(null).assumeRoleWithWebIdentity(
        dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest.newBuilder().setRoleArn(role)
            .setRoleSessionName("s1").setWebIdentityToken("not.a.token").build()));
    assertAwsError("InvalidIdentityToken", () -> sts.sts(null).assumeRoleWithSAML(
        dev.lanyard.proto.sts.v1.AssumeRoleWithSAMLRequest.newBuilder().setRoleArn(role)
            .setPrincipalArn("arn:aws:iam::111122223333:saml-provider/none").setSamlAssertion("PHNhbWw+").build()));
  }

  @Test
  void unsignedCallsAreRefused() {
    assertAwsError("MissingAuthenticationToken", () -> sts.sts(null)
        .getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance()));
  }
}
