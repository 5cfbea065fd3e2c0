package dev.lanyard.policy.eval;

import static dev.lanyard.policy.compile.TestPolicies.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.compile.CompiledPolicy;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  static final String ACCT = "111122223333";
  static final String OTHER = "444455556666";
  static final RequestPrincipal ALICE = RequestPrincipal.fromArn("arn:aws:iam::111122223333:user/alice", null);
  static final RequestPrincipal ROOT = RequestPrincipal.fromArn("arn:aws:iam::111122223333:root", null);
  static final RequestPrincipal SESSION =
      RequestPrincipal.fromArn("arn:aws:sts::111122223333:assumed-role/Admin/s1", null);
  static final RequestPrincipal FEDERATED = RequestPrincipal.fromArn(
      "arn:aws:sts::111122223333:federated-user/bob", "arn:aws:iam::111122223333:user/broker");
  static final RequestPrincipal EVE = RequestPrincipal.fromArn("arn:aws:iam::444455556666:user/eve", null);
  static final String OBJECT = "arn:aws:s3:::bucket/key";

  static final CompiledPolicy ALLOW_S3 = statements("identityPolicies[0]", """
      {"Sid":"S3","Effect":"Allow","Action":"s3:*","Resource":"*"}""");
  static final CompiledPolicy ALLOW_ALL = statements("allowAll", """
      {"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}""");
  static final CompiledPolicy ALLOW_EC2 = statements("ec2Only", """
      {"Sid":"Ec2","Effect":"Allow","Action":"ec2:*","Resource":"*"}""");
  static final CompiledPolicy DENY_S3 = statements("denyS3", """
      {"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}""");

  static AuthorizationRequest get(RequestPrincipal p) {
    return AuthorizationRequest.of(p, "s3:GetObject", OBJECT, null);
  }

  static CompiledPolicy bucketPolicy(String principalJson) {
    return statements("resourcePolicy", """
        {"Sid":"Grant","Effect":"Allow","Principal":%s,"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}"""
        .formatted(principalJson));
  }

  static void assertAllowedBy(Decision d, String... policiesAndSids) {
    assertEquals(Outcome.ALLOW, d.outcome(), d.reason());
    assertEquals(policiesAndSids.length / 2, d.statements().size(), d.toString());
    for (int i = 0; i < policiesAndSids.length; i += 2) {
      assertEquals(policiesAndSids[i], d.statements().get(i / 2).policy());
      assertEquals(policiesAndSids[i + 1], d.statements().get(i / 2).sid());
    }
    assertNull(d.missingAllow());
  }

  static void assertImplicit(Decision d, PolicyKind missing) {
    assertEquals(Outcome.IMPLICIT_DENY, d.outcome(), d.reason());
    assertEquals(missing, d.missingAllow(), d.reason());
    assertTrue(d.statements().isEmpty());
  }

  static void assertDenied(Decision d, String... sids) {
    assertEquals(Outcome.EXPLICIT_DENY, d.outcome(), d.reason());
    assertEquals(List.of(sids), d.statements().stream().map(DecidingStatement::sid).toList());
  }

  @Nested
  class IdentityBoundaryAndSession {

    @Test
    void identityAllowDecidesAndIsReused() {
      PolicySet set = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).build();
      Decision d = Evaluator.evaluate(get(ALICE), set);
      assertAllowedBy(d, "identityPolicies[0]", "S3");
      assertEquals(0, d.statements().get(0).statement());
      assertTrue(d.reason().contains("identityPolicies[0]"), d.reason());
      assertSame(d, Evaluator.evaluate(get(ALICE), set), "common decisions are prepared once");
    }

    @Test
    void nothingAllowsIsAnImplicitDenyOfTheIdentityPolicies() {
      assertImplicit(Evaluator.evaluate(get(ALICE), PolicySet.builder().build()), PolicyKind.IDENTITY_POLICY);
      assertImplicit(Evaluator.evaluate(get(ALICE), PolicySet.builder().identityPolicies(List.of(ALLOW_EC2)).build()),
          PolicyKind.IDENTITY_POLICY);
    }

    @Test
    void awsDocsExampleCarlos() {
      // IAM User Guide, "Example identity-based and resource-based policy evaluation".
      CompiledPolicy identity = statements("carlos", """
          {"Sid":"AllowS3ListRead","Effect":"Allow","Action":["s3:GetBucketLocation","s3:ListAllMyBuckets"],
           "Resource":"arn:aws:s3:::*"},
          {"Sid":"AllowS3Self","Effect":"Allow","Action":"s3:*",
           "Resource":["arn:aws:s3:::carlossalazar/*","arn:aws:s3:::carlossalazar"]},
          {"Sid":"DenyS3Logs","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*log*"}""");
      CompiledPolicy bucket = statements("bucket", """
          {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/carlossalazar"},"Action":"s3:*",
           "Resource":["arn:aws:s3:::carlossalazar/*","arn:aws:s3:::carlossalazar"]}""");
      RequestPrincipal carlos = RequestPrincipal.fromArn("arn:aws:iam::123456789012:user/carlossalazar", null);
      PolicySet set = PolicySet.builder().identityPolicies(List.of(identity)).resourcePolicy(bucket).build();
      assertDenied(Evaluator.evaluate(
          AuthorizationRequest.of(carlos, "s3:PutObject", "arn:aws:s3:::carlossalazar-logs/f", null), set), "DenyS3Logs");
      Decision ok = Evaluator.evaluate(
          AuthorizationRequest.of(carlos, "s3:PutObject", "arn:aws:s3:::carlossalazar/f", null), set);
      assertEquals(Outcome.ALLOW, ok.outcome());
    }

    @Test
    void boundaryMustAlsoAllow() {
      PolicySet limited = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).permissionsBoundary(ALLOW_EC2).build();
      assertImplicit(Evaluator.evaluate(get(ALICE), limited), PolicyKind.PERMISSIONS_BOUNDARY);
      PolicySet within = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).permissionsBoundary(ALLOW_ALL).build();
      assertAllowedBy(Evaluator.evaluate(get(ALICE), within), "identityPolicies[0]", "S3");
      PolicySet boundaryOnly = PolicySet.builder().permissionsBoundary(ALLOW_ALL).build();
      assertImplicit(Evaluator.evaluate(get(ALICE), boundaryOnly), PolicyKind.IDENTITY_POLICY);
    }

    @Test
    void sessionPoliciesLimitRoleSessions() {
      PolicySet none = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).build();
      assertAllowedBy(Evaluator.evaluate(get(SESSION), none), "identityPolicies[0]", "S3");
      PolicySet narrow = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).sessionPolicies(List.of(ALLOW_EC2)).build();
      assertImplicit(Evaluator.evaluate(get(SESSION), narrow), PolicyKind.SESSION_POLICY);
      PolicySet anyOf = PolicySet.builder().identityPolicies(List.of(ALLOW_S3))
          .sessionPolicies(List.of(ALLOW_EC2, ALLOW_ALL)).build();
      assertAllowedBy(Evaluator.evaluate(get(SESSION), anyOf), "identityPolicies[0]", "S3");
      PolicySet sessionOnly = PolicySet.builder().sessionPolicies(List.of(ALLOW_ALL)).build();
      assertImplicit(Evaluator.evaluate(get(SESSION), sessionOnly), PolicyKind.IDENTITY_POLICY);
    }

    @Test
    void federatedUserNeedsASessionPolicy() {
      // "If there is no session policy ... If the principal is a role session, then the request is
      // Allowed. Otherwise, the request is implicitly denied."
      PolicySet none = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).build();
      assertImplicit(Evaluator.evaluate(get(FEDERATED), none), PolicyKind.SESSION_POLICY);
      PolicySet with = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).sessionPolicies(List.of(ALLOW_ALL)).build();
      assertAllowedBy(Evaluator.evaluate(get(FEDERATED), with), "identityPolicies[0]", "S3");
    }

    @Test
    void sessionPoliciesDoNotApplyToUsers() {
      PolicySet set = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).sessionPolicies(List.of(DENY_S3)).build();
      assertAllowedBy(Evaluator.evaluate(get(ALICE), set), "identityPolicies[0]", "S3");
      assertDenied(Evaluator.evaluate(get(SESSION), set), "NoS3");
    }
  }

  @Nested
  class ExplicitDeny {

    @Test
    void denyInAnyPolicyWins() {
      CompiledPolicy rbp = bucketPolicy("{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"}");
      List<PolicySet> sets = List.of(
          PolicySet.builder().identityPolicies(List.of(ALLOW_ALL, DENY_S3)).build(),
          PolicySet.builder().identityPolicies(List.of(ALLOW_ALL)).permissionsBoundary(statements("b", """
              {"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}""")).build(),
          PolicySet.builder().identityPolicies(List.of(ALLOW_ALL)).resourcePolicy(rbp)
              .serviceControlPolicies(List.of(List.of(ALLOW_ALL, DENY_S3))).build(),
          PolicySet.builder().identityPolicies(List.of(ALLOW_ALL))
              .resourceControlPolicies(List.of(List.of(ALLOW_ALL), List.of(ALLOW_ALL, DENY_S3))).build(),
          PolicySet.builder().identityPolicies(List.of(ALLOW_ALL)).resourcePolicy(statements("resourcePolicy", """
              {"Sid":"NoS3","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}""")).build());
      for (PolicySet set : sets) {
        Decision d = Evaluator.evaluate(get(ALICE), set);
        assertDenied(d, "NoS3");
        assertSame(d, Evaluator.evaluate(get(ALICE), set), "a single deny returns its prepared decision");
      }
    }

    @Test
    void everyDenyingStatementIsListedInEvaluationOrder() {
      CompiledPolicy twoDenies = statements("identityPolicies[1]", """
          {"Sid":"D1","Effect":"Deny","Action":"s3:Get*","Resource":"*"},
          {"Sid":"Other","Effect":"Deny","Action":"ec2:*","Resource":"*"},
          {"Sid":"D2","Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::bucket/*"}""");
      PolicySet set = PolicySet.builder()
          .identityPolicies(List.of(ALLOW_ALL, twoDenies))
          .serviceControlPolicies(List.of(List.of(ALLOW_ALL, DENY_S3)))
          .build();
      Decision d = Evaluator.evaluate(get(ALICE), set);
      assertDenied(d, "NoS3", "D1", "D2");
      assertEquals(List.of("denyS3", "identityPolicies[1]", "identityPolicies[1]"),
          d.statements().stream().map(DecidingStatement::policy).toList());
      assertEquals(List.of(0, 0, 2), d.statements().stream().map(DecidingStatement::statement).toList());
    }

    @Test
    void conditionsDecideWhetherADenyApplies() {
      CompiledPolicy requireMfa = statements("mfa", """
          {"Sid":"NoMfa","Effect":"Deny","Action":"*","Resource":"*",
           "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}""");
      PolicySet set = PolicySet.builder().identityPolicies(List.of(ALLOW_ALL, requireMfa)).build();
      assertDenied(Evaluator.evaluate(get(ALICE), set), "NoMfa");
      RequestContext mfa = RequestContext.builder().put("aws:MultiFactorAuthPresent", "true").build();
      assertEquals(Outcome.ALLOW,
          Evaluator.evaluate(AuthorizationRequest.of(ALICE, "s3:GetObject", OBJECT, mfa), set).outcome());
      RequestContext noMfa = RequestContext.builder().put("aws:MultiFactorAuthPresent", "false").build();
      assertDenied(Evaluator.evaluate(AuthorizationRequest.of(ALICE, "s3:GetObject", OBJECT, noMfa), set), "NoMfa");
    }
  }

  @Nested
  class OrganizationPolicies {

    @Test
    void everyScpLevelMustAllow() {
      PolicySet allLevels = PolicySet.builder().identityPolicies(List.of(ALLOW_S3))
          .serviceControlPolicies(List.of(List.of(ALLOW_ALL), List.of(ALLOW_EC2, ALLOW_S3))).build();
      assertAllowedBy(Evaluator.evaluate(get(ALICE), allLevels), "identityPolicies[0]", "S3");
      PolicySet oneLevelMissing = PolicySet.builder().identityPolicies(List.of(ALLOW_S3))
          .serviceControlPolicies(List.of(List.of(ALLOW_ALL), List.of(ALLOW_EC2))).build();
      assertImplicit(Evaluator.evaluate(get(ALICE), oneLevelMissing), PolicyKind.SERVICE_CONTROL_POLICY);
      PolicySet emptyLevel = PolicySet.builder().identityPolicies(List.of(ALLOW_S3))
          .serviceControlPolicies(List.of(List.of(ALLOW_ALL), List.of())).build();
      assertImplicit(Evaluator.evaluate(get(ALICE), emptyLevel), PolicyKind.SERVICE_CONTROL_POLICY);
    }

    @Test
    void scpsApplyToTheRootUserOfMemberAccounts() {
      PolicySet restricted = PolicySet.builder().serviceControlPolicies(List.of(List.of(ALLOW_EC2))).build();
      assertImplicit(Evaluator.evaluate(get(ROOT), restricted), PolicyKind.SERVICE_CONTROL_POLICY);
      PolicySet denied = PolicySet.builder().serviceControlPolicies(List.of(List.of(ALLOW_ALL, DENY_S3))).build();
      assertDenied(Evaluator.evaluate(get(ROOT), denied), "NoS3");
    }

    @Test
    void everyRcpLevelMustAllowAndRcpsComeFirst() {
      PolicySet set = PolicySet.builder().identityPolicies(List.of(ALLOW_S3))
          .serviceControlPolicies(List.of(List.of(ALLOW_EC2)))
          .resourceControlPolicies(List.of(List.of(ALLOW_ALL), List.of(ALLOW_EC2))).build();
      assertImplicit(Evaluator.evaluate(get(ALICE), set), PolicyKind.RESOURCE_CONTROL_POLICY);
      assertImplicit(Evaluator.evaluate(get(ROOT), set), PolicyKind.RESOURCE_CONTROL_POLICY);
      PolicySet rcpOk = PolicySet.builder().identityPolicies(List.of(ALLOW_S3))
          .resourceControlPolicies(List.of(List.of(ALLOW_ALL), List.of(ALLOW_ALL))).build();
      assertAllowedBy(Evaluator.evaluate(get(ALICE), rcpOk), "identityPolicies[0]", "S3");
    }

    @Test
    void scpsDoNotApplyToPrincipalsOutsideAnAccount() {
      PolicySet set = PolicySet.builder().resourcePolicy(bucketPolicy("\"*\""))
          .serviceControlPolicies(List.of(List.of(ALLOW_EC2))).build();
      assertAllowedBy(Evaluator.evaluate(get(RequestPrincipal.anonymous()), set), "resourcePolicy", "Grant");
    }
  }

  @Nested
  class RootUser {

    @Test
    void rootIsAllowedInItsOwnAccount() {
      Decision d = Evaluator.evaluate(get(ROOT), PolicySet.builder().build());
      assertEquals(Outcome.ALLOW, d.outcome());
      assertTrue(d.statements().isEmpty());
    }

    @Test
    void identityPoliciesDoNotApplyToRoot() {
      PolicySet set = PolicySet.builder().identityPolicies(List.of(DENY_S3)).permissionsBoundary(ALLOW_EC2).build();
      assertEquals(Outcome.ALLOW, Evaluator.evaluate(get(ROOT), set).outcome());
    }

    @Test
    void rootOfAnotherAccountNeedsTheResourcePolicy() {
      AuthorizationRequest r = new AuthorizationRequest(ROOT, "s3:GetObject", OBJECT, OTHER, null);
      assertImplicit(Evaluator.evaluate(r, PolicySet.builder().build()), PolicyKind.RESOURCE_POLICY);
      PolicySet granted = PolicySet.builder().resourcePolicy(bucketPolicy("{\"AWS\":\"111122223333\"}")).build();
      assertAllowedBy(Evaluator.evaluate(r, granted), "resourcePolicy", "Grant");
    }
  }

  @Nested
  class SameAccountResourcePolicies {
    // IAM User Guide, "Resource-based policies and implicit denies in other policy types (same account)".

    @Test
    void grantToTheUserArnIsNotLimitedByIdentityOrBoundary() {
      PolicySet set = PolicySet.builder().permissionsBoundary(ALLOW_EC2)
          .resourcePolicy(bucketPolicy("{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"}")).build();
      Decision d = Evaluator.evaluate(get(ALICE), set);
      assertAllowedBy(d, "resourcePolicy", "Grant");
      assertSame(d, Evaluator.evaluate(get(ALICE), set));
    }

    @Test
    void grantToTheSessionArnIsNotLimitedByIdentityBoundaryOrSessionPolicy() {
      PolicySet set = PolicySet.builder().permissionsBoundary(ALLOW_EC2).sessionPolicies(List.of(ALLOW_EC2))
          .resourcePolicy(bucketPolicy("{\"AWS\":\"arn:aws:sts::111122223333:assumed-role/Admin/s1\"}")).build();
      assertAllowedBy(Evaluator.evaluate(get(SESSION), set), "resourcePolicy", "Grant");
    }

    @Test
    void grantToTheRoleArnIsLimitedByBoundaryAndSessionPolicy() {
      CompiledPolicy rbp = bucketPolicy("{\"AWS\":\"arn:aws:iam::111122223333:role/Admin\"}");
      assertAllowedBy(Evaluator.evaluate(get(SESSION), PolicySet.builder().resourcePolicy(rbp).build()),
          "resourcePolicy", "Grant");
      assertImplicit(Evaluator.evaluate(get(SESSION),
          PolicySet.builder().resourcePolicy(rbp).permissionsBoundary(ALLOW_EC2).build()), PolicyKind.PERMISSIONS_BOUNDARY);
      assertImplicit(Evaluator.evaluate(get(SESSION),
          PolicySet.builder().resourcePolicy(rbp).sessionPolicies(List.of(ALLOW_EC2)).build()), PolicyKind.SESSION_POLICY);
      assertAllowedBy(Evaluator.evaluate(get(SESSION), PolicySet.builder().resourcePolicy(rbp)
          .permissionsBoundary(ALLOW_ALL).sessionPolicies(List.of(ALLOW_S3)).build()), "resourcePolicy", "Grant");
    }

    @Test
    void roleArnWithPathMustMatchTheSessionsRole() {
      RequestPrincipal withPath = RequestPrincipal.fromArn("arn:aws:sts::111122223333:assumed-role/Admin/s1",
          "arn:aws:iam::111122223333:role/ops/Admin");
      CompiledPolicy rbp = bucketPolicy("{\"AWS\":\"arn:aws:iam::111122223333:role/ops/Admin\"}");
      assertAllowedBy(Evaluator.evaluate(get(withPath), PolicySet.builder().resourcePolicy(rbp).build()),
          "resourcePolicy", "Grant");
      assertImplicit(Evaluator.evaluate(get(SESSION), PolicySet.builder().resourcePolicy(rbp).build()),
          PolicyKind.IDENTITY_POLICY);
    }

    @Test
    void grantToTheFederatedUserArnIsDirect() {
      PolicySet set = PolicySet.builder()
          .resourcePolicy(bucketPolicy("{\"AWS\":\"arn:aws:sts::111122223333:federated-user/bob\"}")).build();
      assertAllowedBy(Evaluator.evaluate(get(FEDERATED), set), "resourcePolicy", "Grant");
    }

    @Test
    void grantToTheUserWhoFederatedIsLimitedByBoundaryAndSessionPolicy() {
      CompiledPolicy rbp = bucketPolicy("{\"AWS\":\"arn:aws:iam::111122223333:user/broker\"}");
      assertAllowedBy(Evaluator.evaluate(get(FEDERATED),
          PolicySet.builder().resourcePolicy(rbp).sessionPolicies(List.of(ALLOW_S3)).build()), "resourcePolicy", "Grant");
      assertImplicit(Evaluator.evaluate(get(FEDERATED),
          PolicySet.builder().resourcePolicy(rbp).sessionPolicies(List.of(ALLOW_EC2)).build()), PolicyKind.SESSION_POLICY);
      assertImplicit(Evaluator.evaluate(get(FEDERATED), PolicySet.builder().resourcePolicy(rbp)
          .sessionPolicies(List.of(ALLOW_S3)).permissionsBoundary(ALLOW_EC2).build()), PolicyKind.PERMISSIONS_BOUNDARY);
    }

    @Test
    void grantToTheAccountDelegatesToIdentityPolicies() {
      CompiledPolicy rbp = bucketPolicy("{\"AWS\":\"arn:aws:iam::111122223333:root\"}");
      assertImplicit(Evaluator.evaluate(get(ALICE), PolicySet.builder().resourcePolicy(rbp).build()),
          PolicyKind.IDENTITY_POLICY);
      assertAllowedBy(Evaluator.evaluate(get(ALICE),
          PolicySet.builder().resourcePolicy(rbp).identityPolicies(List.of(ALLOW_S3)).build()), "identityPolicies[0]", "S3");
    }

    @Test
    void wildcardPrincipalGrantsDirectly() {
      PolicySet set = PolicySet.builder().permissionsBoundary(ALLOW_EC2).resourcePolicy(bucketPolicy("\"*\"")).build();
      assertAllowedBy(Evaluator.evaluate(get(ALICE), set), "resourcePolicy", "Grant");
    }

    @Test
    void resourcePolicyForAnotherPrincipalDoesNotHelp() {
      PolicySet set = PolicySet.builder()
          .resourcePolicy(bucketPolicy("{\"AWS\":\"arn:aws:iam::111122223333:user/mallory\"}")).build();
      assertImplicit(Evaluator.evaluate(get(ALICE), set), PolicyKind.IDENTITY_POLICY);
    }
  }

  @Nested
  class CrossAccount {

    static final String QUEUE = "arn:aws:sqs:us-east-1:444455556666:queue";
    final CompiledPolicy sendAnywhere = statements("identityPolicies[0]", """
        {"Sid":"Send","Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}""");

    CompiledPolicy queuePolicy(String principal) {
      return statements("resourcePolicy", """
          {"Sid":"Q","Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sqs:*","Resource":"%s"}"""
          .formatted(principal, QUEUE));
    }

    AuthorizationRequest send(RequestPrincipal p) {
      return AuthorizationRequest.of(p, "sqs:SendMessage", QUEUE, null);
    }

    @Test
    void bothSidesMustAllow() {
      PolicySet both = PolicySet.builder().identityPolicies(List.of(sendAnywhere))
          .resourcePolicy(queuePolicy(ACCT)).build();
      Decision d = Evaluator.evaluate(send(ALICE), both);
      assertAllowedBy(d, "identityPolicies[0]", "Send", "resourcePolicy", "Q");
      PolicySet identityOnly = PolicySet.builder().identityPolicies(List.of(sendAnywhere)).build();
      assertImplicit(Evaluator.evaluate(send(ALICE), identityOnly), PolicyKind.RESOURCE_POLICY);
      PolicySet resourceOnly = PolicySet.builder().resourcePolicy(queuePolicy("arn:aws:iam::111122223333:user/alice")).build();
      assertImplicit(Evaluator.evaluate(send(ALICE), resourceOnly), PolicyKind.IDENTITY_POLICY);
    }

    @Test
    void boundaryAndSessionStillLimitTheIdentitySide() {
      PolicySet set = PolicySet.builder().identityPolicies(List.of(sendAnywhere)).permissionsBoundary(ALLOW_EC2)
          .resourcePolicy(queuePolicy("arn:aws:sts::111122223333:assumed-role/Admin/s1")).build();
      assertImplicit(Evaluator.evaluate(send(SESSION), set), PolicyKind.PERMISSIONS_BOUNDARY);
    }

    @Test
    void resourceAccountComesFromTheArnOrIsGiven() {
      PolicySet identityOnly = PolicySet.builder().identityPolicies(List.of(ALLOW_S3)).build();
      assertEquals(Outcome.ALLOW, Evaluator.evaluate(get(ALICE), identityOnly).outcome(), "S3 ARNs have no account");
      AuthorizationRequest crossBucket = new AuthorizationRequest(ALICE, "s3:GetObject", OBJECT, OTHER, null);
      assertImplicit(Evaluator.evaluate(crossBucket, identityOnly), PolicyKind.RESOURCE_POLICY);
    }

    @Test
    void principalOfTheOtherAccountNeedsOurResourcePolicy() {
      AuthorizationRequest r = AuthorizationRequest.of(EVE, "s3:GetObject", OBJECT, null);
      assertEquals(OTHER, r.resourceAccount(), "defaults to the principal's account for S3");
      AuthorizationRequest cross = new AuthorizationRequest(EVE, "s3:GetObject", OBJECT, ACCT, null);
      PolicySet set = PolicySet.builder().identityPolicies(List.of(ALLOW_S3))
          .resourcePolicy(bucketPolicy("{\"AWS\":\"444455556666\"}")).build();
      assertAllowedBy(Evaluator.evaluate(cross, set), "identityPolicies[0]", "S3", "resourcePolicy", "Grant");
    }
  }

  @Nested
  class OtherPrincipals {

    @Test
    void anonymousNeedsAPublicResourcePolicy() {
      RequestPrincipal anon = RequestPrincipal.anonymous();
      assertImplicit(Evaluator.evaluate(get(anon), PolicySet.builder().build()), PolicyKind.RESOURCE_POLICY);
      assertImplicit(Evaluator.evaluate(get(anon), PolicySet.builder().resourcePolicy(bucketPolicy("{\"AWS\":\"" + ACCT + "\"}")).build()),
          PolicyKind.RESOURCE_POLICY);
      assertAllowedBy(Evaluator.evaluate(get(anon), PolicySet.builder().resourcePolicy(bucketPolicy("{\"AWS\":\"*\"}")).build()),
          "resourcePolicy", "Grant");
      assertImplicit(Evaluator.evaluate(get(anon), PolicySet.builder().identityPolicies(List.of(ALLOW_ALL)).build()),
          PolicyKind.RESOURCE_POLICY);
    }

    @Test
    void servicePrincipalIsMatchedByServiceKey() {
      RequestPrincipal logs = RequestPrincipal.service("logging.s3.amazonaws.com");
      PolicySet set = PolicySet.builder().resourcePolicy(bucketPolicy("{\"Service\":\"logging.s3.amazonaws.com\"}")).build();
      assertAllowedBy(Evaluator.evaluate(get(logs), set), "resourcePolicy", "Grant");
      assertImplicit(Evaluator.evaluate(get(RequestPrincipal.service("ec2.amazonaws.com")), set), PolicyKind.RESOURCE_POLICY);
    }
  }

  @Nested
  class TrustPolicies {
    static final String ROLE = "arn:aws:iam::111122223333:role/Deploy";

    PolicySet trust(String principal, CompiledPolicy... identity) {
      CompiledPolicy t = statements("trustPolicy", """
          {"Sid":"Trust","Effect":"Allow","Principal":%s,"Action":"sts:AssumeRole"}""".formatted(principal));
      return PolicySet.builder().identityPolicies(List.of(identity)).resourcePolicy(t).resourcePolicyRequired(true).build();
    }

    AuthorizationRequest assume(RequestPrincipal p) {
      return AuthorizationRequest.of(p, "sts:AssumeRole", ROLE, null);
    }

    @Test
    void trustPolicyMustAllowEvenInTheSameAccount() {
      assertImplicit(Evaluator.evaluate(assume(ALICE), trust("{\"AWS\":\"arn:aws:iam::111122223333:user/bob\"}", ALLOW_ALL)),
          PolicyKind.RESOURCE_POLICY);
    }

    @Test
    void trustNamingTheUserNeedsNoIdentityPermission() {
      assertAllowedBy(Evaluator.evaluate(assume(ALICE), trust("{\"AWS\":\"arn:aws:iam::111122223333:user/alice\"}")),
          "trustPolicy", "Trust");
    }

    @Test
    void trustNamingTheAccountNeedsIdentityPermission() {
      assertImplicit(Evaluator.evaluate(assume(ALICE), trust("{\"AWS\":\"111122223333\"}")), PolicyKind.IDENTITY_POLICY);
      assertAllowedBy(Evaluator.evaluate(assume(ALICE), trust("{\"AWS\":\"111122223333\"}", ALLOW_ALL)),
          "allowAll", "All", "trustPolicy", "Trust");
    }

    @Test
    void webIdentityTrustWithConditions() {
      CompiledPolicy t = statements("trustPolicy", """
          {"Sid":"Oidc","Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/id.example.com"},
           "Action":"sts:AssumeRoleWithWebIdentity",
           "Condition":{"StringEquals":{"id.example.com:aud":"app"},"StringLike":{"id.example.com:sub":"repo:org/*"}}}""");
      PolicySet set = PolicySet.builder().resourcePolicy(t).resourcePolicyRequired(true).build();
      RequestPrincipal oidc = RequestPrincipal.webIdentity("arn:aws:iam::111122223333:oidc-provider/id.example.com");
      RequestContext good = RequestContext.builder().put("id.example.com:aud", "app").put("id.example.com:sub", "repo:org/x").build();
      RequestContext bad = RequestContext.builder().put("id.example.com:aud", "other").put("id.example.com:sub", "repo:org/x").build();
      assertAllowedBy(Evaluator.evaluate(AuthorizationRequest.of(oidc, "sts:AssumeRoleWithWebIdentity", ROLE, good), set),
          "trustPolicy", "Oidc");
      assertImplicit(Evaluator.evaluate(AuthorizationRequest.of(oidc, "sts:AssumeRoleWithWebIdentity", ROLE, bad), set),
          PolicyKind.RESOURCE_POLICY);
    }
  }

  @Nested
  class NotPrincipalDeny {

    CompiledPolicy denyAllBut(String... principals) {
      return statements("resourcePolicy", """
          {"Sid":"Allow","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},
          {"Sid":"OnlyListed","Effect":"Deny","NotPrincipal":{"AWS":["%s"]},"Action":"s3:*","Resource":"*"}"""
          .formatted(String.join("\",\"", principals)));
    }

    @Test
    void listedPrincipalWithItsAccountIsNotDenied() {
      PolicySet set = PolicySet.builder().resourcePolicy(
          denyAllBut("arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:root")).build();
      assertAllowedBy(Evaluator.evaluate(get(ALICE), set), "resourcePolicy", "Allow");
      assertDenied(Evaluator.evaluate(get(SESSION), set), "OnlyListed");
    }

    @Test
    void withoutTheAccountThePrincipalIsDenied() {
      PolicySet set = PolicySet.builder().resourcePolicy(denyAllBut("arn:aws:iam::111122223333:user/alice")).build();
      assertDenied(Evaluator.evaluate(get(ALICE), set), "OnlyListed");
    }

    @Test
    void aPermissionsBoundaryMakesNotPrincipalDenyApplyAlways() {
      // "Permissions boundaries for IAM entities": a Deny with NotPrincipal always denies a
      // principal that has a permissions boundary.
      PolicySet set = PolicySet.builder().permissionsBoundary(ALLOW_ALL).resourcePolicy(
          denyAllBut("arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:root")).build();
      assertDenied(Evaluator.evaluate(get(ALICE), set), "OnlyListed");
    }
  }
}
