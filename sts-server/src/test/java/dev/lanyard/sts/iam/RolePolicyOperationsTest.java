package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamServiceFixture.TRUST_EC2;
import static dev.lanyard.sts.iam.IamServiceFixture.errorCode;
import static dev.lanyard.sts.iam.IamServiceFixture.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.iam.v1.*;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.store.model.Account;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolePolicyOperationsTest {
  static final String S3_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

  @TempDir
  static Path dir;
  static IamServiceFixture f;
  Account account;

  @BeforeAll
  static void start() throws Exception {
    f = new IamServiceFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @BeforeEach
  void freshAccount() {
    account = f.newAccountAsRoot();
  }

  private static String padded(String sid, int size) {
    String base = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/";
    String end = "\"}]}";
    return base + "x".repeat(Math.max(1, size - base.length() - end.length())) + end;
  }

  private Role createRole(String name) {
    return f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName(name).setAssumeRolePolicyDocument(TRUST_EC2)
        .build()).getRole();
  }

  @Test
  void rolesLifeCycle() {
    Role role = f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("app").setPath("/svc/")
        .setAssumeRolePolicyDocument(TRUST_EC2).setDescription("the app").setMaxSessionDuration(7200)
        .addTags(Tag.newBuilder().setKey("env").setValue("prod")).build()).getRole();
    assertEquals("arn:aws:iam::" + account.id() + ":role/svc/app", role.getArn());
    assertTrue(role.getRoleId().startsWith("AROA"));
    assertEquals(7200, role.getMaxSessionDuration());
    assertEquals(3600, createRole("plain").getMaxSessionDuration());

    f.iam.updateRole(UpdateRoleRequest.newBuilder().setRoleName("app").setDescription("changed")
        .setMaxSessionDuration(43200).build());
    String other = TRUST_EC2.replace("ec2.amazonaws.com", "lambda.amazonaws.com");
    f.iam.updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest.newBuilder().setRoleName("app")
        .setPolicyDocument(other).build());
    Role got = f.iam.getRole(GetRoleRequest.newBuilder().setRoleName("app").build()).getRole();
    assertEquals("changed", got.getDescription());
    assertEquals(43200, got.getMaxSessionDuration());
    assertEquals(other, got.getAssumeRolePolicyDocument());

    f.iam.tagRole(TagRoleRequest.newBuilder().setRoleName("app").addTags(Tag.newBuilder().setKey("team").setValue("a"))
        .build());
    f.iam.untagRole(UntagRoleRequest.newBuilder().setRoleName("app").addTagKeys("env").build());
    assertEquals(List.of("team"), f.iam.listRoleTags(ListRoleTagsRequest.newBuilder().setRoleName("app").build())
        .getTagsList().stream().map(Tag::getKey).toList());
    assertEquals(List.of("app"), f.iam.listRoles(ListRolesRequest.newBuilder().setPathPrefix("/svc/").build())
        .getRolesList().stream().map(Role::getRoleName).toList());
    ListRolesResponse page = f.iam.listRoles(ListRolesRequest.newBuilder().setMaxItems(1).build());
    assertTrue(page.getIsTruncated());
    assertEquals(1, page.getRolesCount());

    f.iam.deleteRole(DeleteRoleRequest.newBuilder().setRoleName("app").build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getRole(GetRoleRequest.newBuilder().setRoleName("app").build())));
  }

  @Test
  void roleValidation() {
    assertEquals("MalformedPolicyDocument", errorCode(() -> f.iam.createRole(CreateRoleRequest.newBuilder()
        .setRoleName("r").setAssumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]").build())));
    var noPrincipal = failure(() -> f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r")
        .setAssumeRolePolicyDocument(S3_READ).build()));
    assertEquals("MalformedPolicyDocument", IamServiceFixture.detail(noPrincipal).getCode());
    assertTrue(noPrincipal.getStatus().getDescription().contains("assume_role_policy_document"));
    assertEquals("ValidationError", errorCode(() -> f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r")
        .setAssumeRolePolicyDocument(TRUST_EC2).setMaxSessionDuration(3599).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r")
        .setAssumeRolePolicyDocument(TRUST_EC2).setMaxSessionDuration(43201).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r")
        .setAssumeRolePolicyDocument(TRUST_EC2).setDescription("d".repeat(1001)).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createRole(CreateRoleRequest.newBuilder()
        .setRoleName("r".repeat(65)).setAssumeRolePolicyDocument(TRUST_EC2).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r")
        .build())));
    String bigTrust = TRUST_EC2.replace("ec2.amazonaws.com", "e".repeat(2100) + ".amazonaws.com");
    assertEquals("LimitExceeded", errorCode(() -> f.iam.createRole(CreateRoleRequest.newBuilder().setRoleName("r")
        .setAssumeRolePolicyDocument(bigTrust).build())));
  }

  @Test
  void managedPolicyVersionsLimitAndDefault() {
    Policy p = f.iam.createPolicy(CreatePolicyRequest.newBuilder().setPolicyName("read").setPath("/team/")
        .setPolicyDocument(S3_READ).setDescription("reads").build()).getPolicy();
    assertEquals("arn:aws:iam::" + account.id() + ":policy/team/read", p.getArn());
    assertEquals("v1", p.getDefaultVersionId());
    String arn = p.getArn();
    for (int i = 2; i <= 5; i++) {
      PolicyVersion v = f.iam.createPolicyVersion(CreatePolicyVersionRequest.newBuilder().setPolicyArn(arn)
          .setPolicyDocument(padded("v" + i, 200)).setSetAsDefault(i == 3).build()).getPolicyVersion();
      assertEquals("v" + i, v.getVersionId());
    }
    assertEquals("LimitExceeded", errorCode(() -> f.iam.createPolicyVersion(CreatePolicyVersionRequest.newBuilder()
        .setPolicyArn(arn).setPolicyDocument(S3_READ).build())));
    assertEquals("v3", f.iam.getPolicy(GetPolicyRequest.newBuilder().setPolicyArn(arn).build()).getPolicy()
        .getDefaultVersionId());
    ListPolicyVersionsResponse versions = f.iam.listPolicyVersions(ListPolicyVersionsRequest.newBuilder()
        .setPolicyArn(arn).build());
    assertEquals(List.of("v5", "v4", "v3", "v2", "v1"),
        versions.getVersionsList().stream().map(PolicyVersion::getVersionId).toList());
    assertTrue(versions.getVersionsList().stream().allMatch(v -> v.getDocument().isEmpty()));
    assertEquals("DeleteConflict", errorCode(() -> f.iam.deletePolicyVersion(DeletePolicyVersionRequest.newBuilder()
        .setPolicyArn(arn).setVersionId("v3").build())));
    f.iam.setDefaultPolicyVersion(SetDefaultPolicyVersionRequest.newBuilder().setPolicyArn(arn).setVersionId("v5")
        .build());
    PolicyVersion v5 = f.iam.getPolicyVersion(GetPolicyVersionRequest.newBuilder().setPolicyArn(arn)
        .setVersionId("v5").build()).getPolicyVersion();
    assertTrue(v5.getIsDefaultVersion());
    assertTrue(v5.getDocument().contains("\"v5\""));
    assertEquals("DeleteConflict", errorCode(() -> f.iam.deletePolicy(DeletePolicyRequest.newBuilder()
        .setPolicyArn(arn).build())));
    for (String v : List.of("v1", "v2", "v3", "v4")) {
      f.iam.deletePolicyVersion(DeletePolicyVersionRequest.newBuilder().setPolicyArn(arn).setVersionId(v).build());
    }
    assertEquals("ValidationError", errorCode(() -> f.iam.getPolicyVersion(GetPolicyVersionRequest.newBuilder()
        .setPolicyArn(arn).setVersionId("5").build())));
    f.iam.deletePolicy(DeletePolicyRequest.newBuilder().setPolicyArn(arn).build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getPolicy(GetPolicyRequest.newBuilder().setPolicyArn(arn).build())));
  }

  @Test
  void managedPolicyValidationAndListing() {
    assertEquals("MalformedPolicyDocument", errorCode(() -> f.iam.createPolicy(CreatePolicyRequest.newBuilder()
        .setPolicyName("p").setPolicyDocument("{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\"}]}").build())));
    assertEquals("LimitExceeded", errorCode(() -> f.iam.createPolicy(CreatePolicyRequest.newBuilder()
        .setPolicyName("p").setPolicyDocument(padded("big", 6200)).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.getPolicy(GetPolicyRequest.newBuilder()
        .setPolicyArn("arn:aws:iam::123456789012:role/not-a-policy").build())));
    f.iam.createPolicy(CreatePolicyRequest.newBuilder().setPolicyName("a").setPolicyDocument(S3_READ).build());
    Policy b = f.iam.createPolicy(CreatePolicyRequest.newBuilder().setPolicyName("b").setPolicyDocument(S3_READ)
        .build()).getPolicy();
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    f.iam.attachUserPolicy(AttachUserPolicyRequest.newBuilder().setUserName("u").setPolicyArn(b.getArn()).build());
    assertEquals(List.of("a", "b"), names(f.iam.listPolicies(ListPoliciesRequest.getDefaultInstance())));
    assertEquals(List.of("b"), names(f.iam.listPolicies(ListPoliciesRequest.newBuilder().setOnlyAttached(true).build())));
    assertEquals(List.of("b"), names(f.iam.listPolicies(ListPoliciesRequest.newBuilder()
        .setPolicyUsageFilter(PolicyUsageFilter.POLICY_USAGE_FILTER_PERMISSIONS_POLICY).build())));
    assertEquals(List.of(), names(f.iam.listPolicies(ListPoliciesRequest.newBuilder()
        .setPolicyUsageFilter(PolicyUsageFilter.POLICY_USAGE_FILTER_PERMISSIONS_BOUNDARY).build())));
    assertEquals(List.of(), names(f.iam.listPolicies(ListPoliciesRequest.newBuilder()
        .setScope(PolicyScope.POLICY_SCOPE_AWS).build())));
  }

  private static List<String> names(ListPoliciesResponse r) {
    return r.getPoliciesList().stream().map(Policy::getPolicyName).toList();
  }

  @Test
  void anotherAccountsPolicyIsDeniedEvenToItsRoot() {
    String arn = f.iam.createPolicy(CreatePolicyRequest.newBuilder().setPolicyName("private").setPolicyDocument(S3_READ)
        .build()).getPolicy().getArn();
    f.newAccountAsRoot();
    assertEquals("AccessDenied", errorCode(() -> f.iam.getPolicy(GetPolicyRequest.newBuilder().setPolicyArn(arn).build())));
    assertEquals("AccessDenied", errorCode(() -> f.iam.deletePolicy(DeletePolicyRequest.newBuilder().setPolicyArn(arn).build())));
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.attachUserPolicy(AttachUserPolicyRequest.newBuilder()
        .setUserName("u").setPolicyArn(arn).build())));
  }

  @Test
  void inlinePoliciesOfUsersGroupsAndRoles() {
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    f.iam.createGroup(CreateGroupRequest.newBuilder().setGroupName("g").build());
    createRole("r");
    f.iam.putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName("u").setPolicyName("p1").setPolicyDocument(S3_READ).build());
    f.iam.putGroupPolicy(PutGroupPolicyRequest.newBuilder().setGroupName("g").setPolicyName("p2").setPolicyDocument(S3_READ).build());
    f.iam.putRolePolicy(PutRolePolicyRequest.newBuilder().setRoleName("r").setPolicyName("p3").setPolicyDocument(S3_READ).build());
    assertEquals(S3_READ, f.iam.getUserPolicy(GetUserPolicyRequest.newBuilder().setUserName("u").setPolicyName("p1").build()).getPolicyDocument());
    assertEquals("g", f.iam.getGroupPolicy(GetGroupPolicyRequest.newBuilder().setGroupName("g").setPolicyName("p2").build()).getGroupName());
    assertEquals("p3", f.iam.getRolePolicy(GetRolePolicyRequest.newBuilder().setRoleName("r").setPolicyName("p3").build()).getPolicyName());
    assertEquals(List.of("p1"), f.iam.listUserPolicies(ListUserPoliciesRequest.newBuilder().setUserName("u").build()).getPolicyNamesList());
    assertEquals(List.of("p2"), f.iam.listGroupPolicies(ListGroupPoliciesRequest.newBuilder().setGroupName("g").build()).getPolicyNamesList());
    assertEquals(List.of("p3"), f.iam.listRolePolicies(ListRolePoliciesRequest.newBuilder().setRoleName("r").build()).getPolicyNamesList());
    f.iam.deleteUserPolicy(DeleteUserPolicyRequest.newBuilder().setUserName("u").setPolicyName("p1").build());
    f.iam.deleteGroupPolicy(DeleteGroupPolicyRequest.newBuilder().setGroupName("g").setPolicyName("p2").build());
    f.iam.deleteRolePolicy(DeleteRolePolicyRequest.newBuilder().setRoleName("r").setPolicyName("p3").build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getUserPolicy(GetUserPolicyRequest.newBuilder().setUserName("u").setPolicyName("p1").build())));
    assertEquals("MalformedPolicyDocument", errorCode(() -> f.iam.putUserPolicy(PutUserPolicyRequest.newBuilder()
        .setUserName("u").setPolicyName("bad").setPolicyDocument(TRUST_EC2).build())));
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.putUserPolicy(PutUserPolicyRequest.newBuilder()
        .setUserName("ghost").setPolicyName("p").setPolicyDocument(S3_READ).build())));
  }

  @Test
  void inlineSizeLimitsAreAggregatePerOwner() {
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    f.iam.putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName("u").setPolicyName("a").setPolicyDocument(padded("a", 1500)).build());
    assertEquals("LimitExceeded", errorCode(() -> f.iam.putUserPolicy(PutUserPolicyRequest.newBuilder()
        .setUserName("u").setPolicyName("b").setPolicyDocument(padded("b", 1000)).build())));
    // Replacing a policy does not count its old text.
    f.iam.putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName("u").setPolicyName("a").setPolicyDocument(padded("a", 2000)).build());

    createRole("r");
    f.iam.putRolePolicy(PutRolePolicyRequest.newBuilder().setRoleName("r").setPolicyName("one").setPolicyDocument(padded("one", 6000)).build());
    assertEquals("LimitExceeded", errorCode(() -> f.iam.putRolePolicy(PutRolePolicyRequest.newBuilder()
        .setRoleName("r").setPolicyName("two").setPolicyDocument(padded("two", 5000)).build())));
    f.iam.putRolePolicy(PutRolePolicyRequest.newBuilder().setRoleName("r").setPolicyName("two").setPolicyDocument(padded("two", 4000)).build());

    f.iam.createGroup(CreateGroupRequest.newBuilder().setGroupName("g").build());
    assertEquals("LimitExceeded", errorCode(() -> f.iam.putGroupPolicy(PutGroupPolicyRequest.newBuilder()
        .setGroupName("g").setPolicyName("big").setPolicyDocument(padded("big", 5200)).build())));
  }

  @Test
  void attachmentsAndBoundaries() {
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    f.iam.createGroup(CreateGroupRequest.newBuilder().setGroupName("g").build());
    createRole("r");
    String mine = f.iam.createPolicy(CreatePolicyRequest.newBuilder().setPolicyName("mine").setPath("/x/")
        .setPolicyDocument(S3_READ).build()).getPolicy().getArn();
    String aws = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    f.iam.attachUserPolicy(AttachUserPolicyRequest.newBuilder().setUserName("u").setPolicyArn(mine).build());
    f.iam.attachUserPolicy(AttachUserPolicyRequest.newBuilder().setUserName("u").setPolicyArn(aws).build());
    f.iam.attachGroupPolicy(AttachGroupPolicyRequest.newBuilder().setGroupName("g").setPolicyArn(mine).build());
    f.iam.attachRolePolicy(AttachRolePolicyRequest.newBuilder().setRoleName("r").setPolicyArn(aws).build());
    // Ordered by ARN: account digits sort before "aws".
    assertEquals(List.of(mine, aws), f.iam.listAttachedUserPolicies(ListAttachedUserPoliciesRequest.newBuilder()
        .setUserName("u").build()).getAttachedPoliciesList().stream().map(AttachedPolicy::getPolicyArn).toList());
    assertEquals(List.of(mine), f.iam.listAttachedUserPolicies(ListAttachedUserPoliciesRequest.newBuilder()
        .setUserName("u").setPathPrefix("/x/").build()).getAttachedPoliciesList().stream()
        .map(AttachedPolicy::getPolicyArn).toList());
    assertEquals("mine", f.iam.listAttachedGroupPolicies(ListAttachedGroupPoliciesRequest.newBuilder()
        .setGroupName("g").build()).getAttachedPolicies(0).getPolicyName());
    assertEquals("ReadOnlyAccess", f.iam.listAttachedRolePolicies(ListAttachedRolePoliciesRequest.newBuilder()
        .setRoleName("r").build()).getAttachedPolicies(0).getPolicyName());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.attachRolePolicy(AttachRolePolicyRequest.newBuilder()
        .setRoleName("r").setPolicyArn("arn:aws:iam::aws:policy/NoSuchManagedPolicyAnywhere").build())));
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.attachRolePolicy(AttachRolePolicyRequest.newBuilder()
        .setRoleName("r").setPolicyArn("arn:aws:iam::" + account.id() + ":policy/absent").build())));
    f.iam.detachUserPolicy(DetachUserPolicyRequest.newBuilder().setUserName("u").setPolicyArn(aws).build());
    f.iam.detachGroupPolicy(DetachGroupPolicyRequest.newBuilder().setGroupName("g").setPolicyArn(mine).build());
    f.iam.detachRolePolicy(DetachRolePolicyRequest.newBuilder().setRoleName("r").setPolicyArn(aws).build());
    assertEquals(1, f.iam.listAttachedUserPolicies(ListAttachedUserPoliciesRequest.newBuilder().setUserName("u").build())
        .getAttachedPoliciesCount());
    assertEquals(0, f.iam.listAttachedRolePolicies(ListAttachedRolePoliciesRequest.newBuilder().setRoleName("r").build())
        .getAttachedPoliciesCount());

    f.iam.putUserPermissionsBoundary(PutUserPermissionsBoundaryRequest.newBuilder().setUserName("u")
        .setPermissionsBoundary(mine).build());
    f.iam.putRolePermissionsBoundary(PutRolePermissionsBoundaryRequest.newBuilder().setRoleName("r")
        .setPermissionsBoundary(aws).build());
    User u = f.iam.getUser(GetUserRequest.newBuilder().setUserName("u").build()).getUser();
    assertEquals(mine, u.getPermissionsBoundary().getPermissionsBoundaryArn());
    assertEquals("PermissionsBoundaryPolicy", u.getPermissionsBoundary().getPermissionsBoundaryType());
    assertEquals(aws, f.iam.getRole(GetRoleRequest.newBuilder().setRoleName("r").build()).getRole()
        .getPermissionsBoundary().getPermissionsBoundaryArn());
    f.iam.deleteUserPermissionsBoundary(DeleteUserPermissionsBoundaryRequest.newBuilder().setUserName("u").build());
    f.iam.deleteRolePermissionsBoundary(DeleteRolePermissionsBoundaryRequest.newBuilder().setRoleName("r").build());
    assertFalse(f.iam.getUser(GetUserRequest.newBuilder().setUserName("u").build()).getUser().hasPermissionsBoundary());
    assertFalse(f.iam.getRole(GetRoleRequest.newBuilder().setRoleName("r").build()).getRole().hasPermissionsBoundary());
  }

  @Test
  void attachIsAuthorisedWithThePolicyArnConditionKey() {
    createRole("r");
    String allowed = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    Caller admin = f.user(account.id(), "admin", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"iam:AttachRolePolicy\",\"Resource\":\"*\",\"Condition\":{\"ArnEquals\":"
        + "{\"iam:PolicyARN\":\"" + allowed + "\"}}}]}");
    f.actAs(admin);
    f.iam.attachRolePolicy(AttachRolePolicyRequest.newBuilder().setRoleName("r").setPolicyArn(allowed).build());
    assertEquals("AccessDenied", errorCode(() -> f.iam.attachRolePolicy(AttachRolePolicyRequest.newBuilder()
        .setRoleName("r").setPolicyArn("arn:aws:iam::aws:policy/AdministratorAccess").build())));
  }

  @Test
  void revokeSessionsMovesTheCutoffForwardOnly() {
    createRole("r");
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("u").build());
    RevokeSessionsResponse now = f.iam.revokeSessions(RevokeSessionsRequest.newBuilder().setRoleName("r").build());
    assertEquals("arn:aws:iam::" + account.id() + ":role/r", now.getArn());
    assertEquals(IamServiceFixture.T0.getEpochSecond(), now.getIssuedBefore().getSeconds());
    Timestamp earlier = Timestamp.newBuilder().setSeconds(IamServiceFixture.T0.minus(Duration.ofHours(1)).getEpochSecond()).build();
    RevokeSessionsResponse kept = f.iam.revokeSessions(RevokeSessionsRequest.newBuilder().setRoleName("r")
        .setIssuedBefore(earlier).build());
    assertEquals(now.getIssuedBefore().getSeconds(), kept.getIssuedBefore().getSeconds());
    RevokeSessionsResponse user = f.iam.revokeSessions(RevokeSessionsRequest.newBuilder().setUserName("u")
        .setIssuedBefore(earlier).build());
    assertEquals(earlier.getSeconds(), user.getIssuedBefore().getSeconds());
    assertEquals(IamServiceFixture.T0, f.store.roles().get(account.id(), "r").orElseThrow().tokensRevokedBefore());
    assertEquals("ValidationError", errorCode(() -> f.iam.revokeSessions(RevokeSessionsRequest.getDefaultInstance())));
  }
}
