package dev.lanyard.sts.authz.grpc;

import static dev.lanyard.sts.session.GrpcErrors.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.authz.v1.AuthorizeBatchRequest;
import dev.lanyard.proto.authz.v1.AuthorizeBatchResponse;
import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.AuthorizeResponse;
import dev.lanyard.proto.authz.v1.ContextEntry;
import dev.lanyard.proto.authz.v1.ContextKeyType;
import dev.lanyard.proto.authz.v1.ContextValue;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.authz.v1.EvaluationResult;
import dev.lanyard.proto.authz.v1.PolicyType;
import dev.lanyard.proto.authz.v1.SimulateCustomPolicyRequest;
import dev.lanyard.proto.authz.v1.SimulatePolicyResponse;
import dev.lanyard.proto.authz.v1.SimulatePrincipalPolicyRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.session.Policies;
import dev.lanyard.sts.session.StsTestServer;
import dev.lanyard.sts.store.model.AccessKeyStatus;
import dev.lanyard.sts.store.model.Role;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Authorizer over in-process gRPC with real sessions, keys and store. */
class AuthorizerGrpcServiceTest {
  static final String BUCKET_OBJECT = "arn:aws:s3:::reports/2025/q1.csv";

  @TempDir
  Path dir;
  StsTestServer sts;
  String acct;
  Caller alice;
  Role role;

  @BeforeEach
  void start() throws Exception {
    sts = new StsTestServer(dir);
    acct = sts.account();
    alice = sts.user(acct, "alice", null);
    role = sts.role(acct, "Analyst", Policies.trust(alice.arn()), Policies.allow("s3:*", "*"), 3600);
  }

  @AfterEach
  void stop() {
    sts.close();
  }

  private AssumeRoleResponse assume(String sessionPolicy) {
    AssumeRoleRequest.Builder b = AssumeRoleRequest.newBuilder().setRoleArn(role.arn()).setRoleSessionName("ss");
    if (sessionPolicy != null) {
      b.setPolicy(sessionPolicy);
    }
    return sts.sts(alice).assumeRole(b.build());
  }

  private static AuthorizeRequest.Builder ask(String action) {
    return AuthorizeRequest.newBuilder().setAction(action).setResource(BUCKET_OBJECT);
  }

  @Test
  void aSessionPolicyNarrowsWhatTheRoleAllows() {
    String token = assume(Policies.allow("s3:GetObject", "*")).getCredentials().getSessionToken();
    Caller session = sts.sessionCaller(token);

    AuthorizeResponse get = sts.authorizer(session).authorize(ask("s3:GetObject").build());
    assertEquals(Decision.ALLOW, get.getDecision());
    assertEquals("role/Analyst/inline/inline", get.getDecidingStatements(0).getPolicy());
    assertEquals(PolicyType.IDENTITY_POLICY, get.getDecidingStatements(0).getPolicyType());
    assertEquals(session.arn(), get.getPrincipalArn());
    assertEquals(role.id() + ":ss", get.getUserId());
    assertEquals("", get.getEncodedAuthorizationMessage());

    AuthorizeResponse put = sts.authorizer(session).authorize(ask("s3:PutObject").build());
    assertEquals(Decision.IMPLICIT_DENY, put.getDecision());
    assertEquals(PolicyType.SESSION_POLICY, put.getMissingAllow(0));
    assertFalse(put.getEncodedAuthorizationMessage().isEmpty());

    AuthorizeResponse unnarrowed = sts.authorizer(sts.sessionCaller(assume(null).getCredentials().getSessionToken()))
        .authorize(ask("s3:PutObject").build());
    assertEquals(Decision.ALLOW, unnarrowed.getDecision());
  }

  @Test
  void askingAboutAnotherPrincipalNeedsSimulatePrincipalPolicyOnIt() {
    String token = assume(null).getCredentials().getSessionToken();
    Caller service = sts.user(acct, "gateway", Policies.allow("iam:SimulatePrincipalPolicy", role.arn()));
    Caller nosy = sts.user(acct, "nosy", null);

    assertAwsError("AccessDenied", () -> sts.authorizer(nosy).authorize(ask("s3:GetObject")
        .setSessionToken(token).build()));
    AuthorizeResponse r = sts.authorizer(service).authorize(ask("s3:GetObject").setSessionToken(token).build());
    assertEquals(Decision.ALLOW, r.getDecision());
    assertEquals("arn:aws:sts::" + acct + ":assumed-role/Analyst/ss", r.getPrincipalArn());
    assertAwsError("InvalidClientTokenId", () -> sts.authorizer(service).authorize(ask("s3:GetObject")
        .setSessionToken(token.substring(0, token.length() - 4) + "AAAA").build()));
  }

  @Test
  void revokedSessionsAreExplicitlyDenied() {
    Caller session = sts.sessionCaller(assume(null).getCredentials().getSessionToken());
    assertEquals(Decision.ALLOW, sts.authorizer(session).authorize(ask("s3:GetObject").build()).getDecision());
    sts.advance(Duration.ofSeconds(10));
    sts.store.roles().revokeSessions(acct, "Analyst", sts.clock.instant());
    sts.versions.refresh();
    AuthorizeResponse r = sts.authorizer(session).authorize(ask("s3:GetObject").build());
    assertEquals(Decision.EXPLICIT_DENY, r.getDecision());
    assertEquals("AWSRevokeOlderSessions", r.getDecidingStatements(0).getPolicy());
  }

  @Test
  void expiredTokensAndInactiveKeysAreRefused() {
    String token = assume(null).getCredentials().getSessionToken();
    Caller service = sts.user(acct, "gateway", Policies.allow("iam:SimulatePrincipalPolicy", "*"));
    Caller target = sts.user(acct, "target", Policies.allow("s3:GetObject", "*"));
    assertEquals(Decision.ALLOW, sts.authorizer(service).authorize(ask("s3:GetObject")
        .setAccessKeyId(target.accessKeyId()).build()).getDecision());
    sts.store.accessKeys().setStatus(acct, "target", target.accessKeyId(), AccessKeyStatus.INACTIVE);
    sts.versions.refresh();
    assertAwsError("InvalidClientTokenId", () -> sts.authorizer(service).authorize(ask("s3:GetObject")
        .setAccessKeyId(target.accessKeyId()).build()));
    sts.advance(Duration.ofSeconds(3601));
    assertAwsError("ExpiredToken", () -> sts.authorizer(service).authorize(ask("s3:GetObject")
        .setSessionToken(token).build()));
  }

  @Test
  void credentialKeysCannotBeSuppliedAndResourcePoliciesApply() {
    String other = sts.account();
    Caller outsider = sts.user(other, "outsider", Policies.allow("s3:GetObject", "*"));
    assertAwsError("ValidationError", () -> sts.authorizer(outsider).authorize(ask("s3:GetObject")
        .putContext("aws:PrincipalArn", ContextValue.newBuilder().addValues("arn:aws:iam::1:root").build()).build()));
    String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Partner\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"" + outsider.arn() + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}";
    AuthorizeRequest.Builder cross = ask("s3:GetObject").setResourcePolicy(bucketPolicy).setResourceAccount(acct);
    AuthorizeResponse fromOutside = sts.authorizer(outsider).authorize(cross.build());
    assertEquals(Decision.IMPLICIT_DENY, fromOutside.getDecision());
    assertEquals(PolicyType.RESOURCE_POLICY, fromOutside.getMissingAllow(0));
    AuthorizeResponse fromInside = sts.authorizer(outsider).authorize(cross.putContext("aws:SourceIp",
        ContextValue.newBuilder().addValues("10.1.2.3").build()).build());
    assertEquals(Decision.ALLOW, fromInside.getDecision());
    assertTrue(fromInside.getDecidingStatementsList().stream()
        .anyMatch(s -> s.getPolicyType() == PolicyType.RESOURCE_POLICY && s.getSid().equals("Partner")));
    assertAwsError("MalformedPolicyDocument", () -> sts.authorizer(outsider).authorize(ask("s3:GetObject")
        .setResourcePolicy("{not json").build()));
  }

  @Test
  void authorizeBatchAnswersInOrderAndReportsFailuresInPlace() {
    Caller session = sts.sessionCaller(assume(Policies.allow("s3:GetObject", "*")).getCredentials().getSessionToken());
    AuthorizeBatchResponse r = sts.authorizer(session).authorizeBatch(AuthorizeBatchRequest.newBuilder()
        .addRequests(ask("s3:PutObject"))
        .addRequests(ask("s3:GetObject"))
        .addRequests(ask("s3:GetObject").setSessionToken("not-a-token"))
        .addRequests(ask("bad-action"))
        .addRequests(ask("s3:GetObject").setAccessKeyId(alice.accessKeyId()))
        .addRequests(ask("s3:DeleteObject"))
        .build());
    assertEquals(6, r.getResultsCount());
    assertEquals(Decision.IMPLICIT_DENY, r.getResults(0).getResult().getDecision());
    assertEquals(Decision.ALLOW, r.getResults(1).getResult().getDecision());
    assertEquals("InvalidClientTokenId", r.getResults(2).getFailure().getCode());
    assertEquals("ValidationError", r.getResults(3).getFailure().getCode());
    assertEquals("AccessDenied", r.getResults(4).getFailure().getCode());
    assertEquals(Decision.IMPLICIT_DENY, r.getResults(5).getResult().getDecision());

    AuthorizeBatchRequest.Builder tooMany = AuthorizeBatchRequest.newBuilder();
    for (int i = 0; i <= AuthorizerGrpcService.MAX_BATCH; i++) {
      tooMany.addRequests(ask("s3:GetObject"));
    }
    assertAwsError("ValidationError", () -> sts.authorizer(session).authorizeBatch(tooMany.build()));
  }

  @Test
  void simulatePrincipalPolicyReportsAsAwsDoes() {
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"FromOffice\",\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":"
        + "\"10.0.0.0/8\"}}}]}";
    Caller bob = sts.user(acct, "bob", policy);
    Caller admin = sts.user(acct, "admin", Policies.allow("iam:SimulatePrincipalPolicy", "*"));
    SimulatePrincipalPolicyRequest.Builder req = SimulatePrincipalPolicyRequest.newBuilder()
        .setPolicySourceArn(bob.arn()).addActionNames("s3:GetObject").addActionNames("s3:PutObject");

    assertAwsError("AccessDenied", () -> sts.authorizer(alice).simulatePrincipalPolicy(req.build()));
    SimulatePolicyResponse without = sts.authorizer(admin).simulatePrincipalPolicy(req.build());
    assertEquals(2, without.getEvaluationResultsCount());
    EvaluationResult get = without.getEvaluationResults(0);
    assertEquals("implicitDeny", get.getEvalDecision());
    assertEquals("*", get.getEvalResourceName());
    assertTrue(get.getMissingContextValuesList().contains("aws:SourceIp"));

    SimulatePolicyResponse with = sts.authorizer(admin).simulatePrincipalPolicy(req.addContextEntries(
        ContextEntry.newBuilder().setContextKeyName("aws:SourceIp").addContextKeyValues("10.9.8.7")
            .setContextKeyType(ContextKeyType.IP)).build());
    EvaluationResult allowed = with.getEvaluationResults(0);
    assertEquals("allowed", allowed.getEvalDecision());
    assertEquals("bob_inline", allowed.getMatchedStatements(0).getSourcePolicyId());
    assertEquals("user", allowed.getMatchedStatements(0).getSourcePolicyType());
    assertTrue(allowed.getMatchedStatements(0).getStartPosition().getLine() >= 1);
    assertEquals("implicitDeny", with.getEvaluationResults(1).getEvalDecision());

    SimulatePolicyResponse rolePolicies = sts.authorizer(admin).simulatePrincipalPolicy(
        SimulatePrincipalPolicyRequest.newBuilder().setPolicySourceArn(role.arn()).addActionNames("s3:PutObject")
            .addResourceArns(BUCKET_OBJECT).build());
    assertEquals("allowed", rolePolicies.getEvaluationResults(0).getEvalDecision());
    assertEquals("Analyst_inline", rolePolicies.getEvaluationResults(0).getMatchedStatements(0).getSourcePolicyId());
    assertAwsError("InvalidInput", () -> sts.authorizer(admin).simulatePrincipalPolicy(req.addContextEntries(
        ContextEntry.newBuilder().setContextKeyName("aws:MultiFactorAuthAge").addContextKeyValues("abc")
            .setContextKeyType(ContextKeyType.NUMERIC)).build()));
  }

  @Test
  void simulateCustomPolicyFindsExplicitDeniesAndPages() {
    Caller admin = sts.user(acct, "admin", Policies.allow("iam:SimulateCustomPolicy", "*"));
    SimulateCustomPolicyRequest.Builder req = SimulateCustomPolicyRequest.newBuilder()
        .addPolicyInputList(Policies.allow("s3:*", "*"))
        .addPolicyInputList(Policies.deny("s3:DeleteObject", "*"))
        .addActionNames("s3:GetObject").addActionNames("s3:DeleteObject").addActionNames("ec2:RunInstances");
    SimulatePolicyResponse all = sts.authorizer(admin).simulateCustomPolicy(req.build());
    assertEquals("allowed", all.getEvaluationResults(0).getEvalDecision());
    assertEquals("PolicyInputList.1", all.getEvaluationResults(0).getMatchedStatements(0).getSourcePolicyId());
    assertEquals("explicitDeny", all.getEvaluationResults(1).getEvalDecision());
    assertEquals("PolicyInputList.2", all.getEvaluationResults(1).getMatchedStatements(0).getSourcePolicyId());
    assertEquals("implicitDeny", all.getEvaluationResults(2).getEvalDecision());
    assertFalse(all.getIsTruncated());

    SimulatePolicyResponse first = sts.authorizer(admin).simulateCustomPolicy(req.setMaxItems(2).build());
    assertEquals(2, first.getEvaluationResultsCount());
    assertTrue(first.getIsTruncated());
    SimulatePolicyResponse rest = sts.authorizer(admin).simulateCustomPolicy(req.setMarker(first.getMarker()).build());
    assertEquals(1, rest.getEvaluationResultsCount());
    assertEquals("ec2:RunInstances", rest.getEvaluationResults(0).getEvalActionName());

    assertAwsError("AccessDenied", () -> sts.authorizer(alice).simulateCustomPolicy(req.build()));
    assertAwsError("MalformedPolicyDocument", () -> sts.authorizer(admin).simulateCustomPolicy(
        SimulateCustomPolicyRequest.newBuilder().addPolicyInputList("{\"Statement\":[]").addActionNames("s3:x")
            .build()));
  }
}
