package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamServiceFixture.errorCode;
import static dev.lanyard.sts.iam.IamServiceFixture.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.common.v1.Tag;
import dev.lanyard.proto.iam.v1.*;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.store.model.Account;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserGroupOperationsTest {
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

  private static Tag tag(String k, String v) {
    return Tag.newBuilder().setKey(k).setValue(v).build();
  }

  @Test
  void createGetUpdateDeleteUser() {
    User created = f.iam.createUser(CreateUserRequest.newBuilder().setUserName("alice").setPath("/eng/")
        .addTags(tag("team", "core")).build()).getUser();
    assertEquals("arn:aws:iam::" + account.id() + ":user/eng/alice", created.getArn());
    assertTrue(created.getUserId().startsWith("AIDA"));
    assertEquals(List.of(tag("team", "core")), created.getTagsList());

    User got = f.iam.getUser(GetUserRequest.newBuilder().setUserName("alice").build()).getUser();
    assertEquals(created.getUserId(), got.getUserId());

    f.iam.updateUser(UpdateUserRequest.newBuilder().setUserName("alice").setNewUserName("alicia")
        .setNewPath("/ops/").build());
    User renamed = f.iam.getUser(GetUserRequest.newBuilder().setUserName("alicia").build()).getUser();
    assertEquals("arn:aws:iam::" + account.id() + ":user/ops/alicia", renamed.getArn());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getUser(GetUserRequest.newBuilder().setUserName("alice").build())));

    f.iam.deleteUser(DeleteUserRequest.newBuilder().setUserName("alicia").build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.deleteUser(DeleteUserRequest.newBuilder().setUserName("alicia").build())));
    assertEquals("EntityAlreadyExists", errorCode(() -> {
      f.iam.createUser(CreateUserRequest.newBuilder().setUserName("bob").build());
      f.iam.createUser(CreateUserRequest.newBuilder().setUserName("BOB").build());
    }));
  }

  @Test
  void getUserWithoutNameIsTheCaller() {
    User root = f.iam.getUser(GetUserRequest.getDefaultInstance()).getUser();
    assertEquals("arn:aws:iam::" + account.id() + ":root", root.getArn());
    assertEquals(account.id(), root.getUserId());

    Caller carol = f.user(account.id(), "carol", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"iam:GetUser\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}");
    f.actAs(carol);
    assertEquals("carol", f.iam.getUser(GetUserRequest.getDefaultInstance()).getUser().getUserName());
    assertEquals("AccessDenied", errorCode(() -> f.iam.getUser(GetUserRequest.newBuilder().setUserName("nobody").build())));
  }

  @Test
  void userTagsAddReplaceRemoveAndPage() {
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("tagged").build());
    f.iam.tagUser(TagUserRequest.newBuilder().setUserName("tagged").addTags(tag("a", "1")).addTags(tag("b", "2"))
        .addTags(tag("c", "3")).build());
    f.iam.tagUser(TagUserRequest.newBuilder().setUserName("tagged").addTags(tag("A", "one")).build());
    ListUserTagsResponse first = f.iam.listUserTags(ListUserTagsRequest.newBuilder().setUserName("tagged")
        .setMaxItems(2).build());
    assertEquals(List.of(tag("A", "one"), tag("b", "2")), first.getTagsList());
    assertTrue(first.getIsTruncated());
    ListUserTagsResponse second = f.iam.listUserTags(ListUserTagsRequest.newBuilder().setUserName("tagged")
        .setMaxItems(2).setMarker(first.getMarker()).build());
    assertEquals(List.of(tag("c", "3")), second.getTagsList());
    assertFalse(second.getIsTruncated());
    f.iam.untagUser(UntagUserRequest.newBuilder().setUserName("tagged").addTagKeys("b").addTagKeys("c").build());
    assertEquals(List.of(tag("A", "one")),
        f.iam.listUserTags(ListUserTagsRequest.newBuilder().setUserName("tagged").build()).getTagsList());
  }

  @Test
  void listUsersPagesWithMarkers() {
    for (String n : List.of("u1", "u2", "u3", "u4", "u5")) {
      f.iam.createUser(CreateUserRequest.newBuilder().setUserName(n).setPath(n.equals("u5") ? "/x/" : "/").build());
    }
    List<String> seen = new ArrayList<>();
    String marker = "";
    int pages = 0;
    do {
      ListUsersResponse page = f.iam.listUsers(ListUsersRequest.newBuilder().setMaxItems(2).setMarker(marker).build());
      page.getUsersList().forEach(u -> seen.add(u.getUserName()));
      marker = page.getIsTruncated() ? page.getMarker() : "";
      pages++;
    } while (!marker.isEmpty());
    assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), seen);
    assertEquals(3, pages);
    assertEquals(List.of("u5"), f.iam.listUsers(ListUsersRequest.newBuilder().setPathPrefix("/x/").build())
        .getUsersList().stream().map(User::getUserName).toList());
  }

  @Test
  void validationErrorsNameTheFieldAndTheAcceptedForm() {
    var bad = failure(() -> f.iam.createUser(CreateUserRequest.newBuilder().setUserName("bad name!").build()));
    assertTrue(bad.getStatus().getDescription().contains("user_name"), bad.getStatus().getDescription());
    assertTrue(bad.getStatus().getDescription().contains("accepted"), bad.getStatus().getDescription());
    assertEquals("ValidationError", IamServiceFixture.detail(bad).getCode());
    assertEquals("ValidationError", errorCode(() -> f.iam.createUser(CreateUserRequest.newBuilder().build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createUser(CreateUserRequest.newBuilder()
        .setUserName("a".repeat(65)).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createUser(CreateUserRequest.newBuilder()
        .setUserName("ok").setPath("no-slashes").build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createUser(CreateUserRequest.newBuilder()
        .setUserName("ok").setPermissionsBoundary("not-an-arn-at-all-really").build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.listUsers(ListUsersRequest.newBuilder().setMaxItems(0).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.listUsers(ListUsersRequest.newBuilder().setMaxItems(1001).build())));
    assertEquals("InvalidInput", errorCode(() -> f.iam.listUsers(ListUsersRequest.newBuilder().setMarker("forged").build())));
    var many = CreateUserRequest.newBuilder().setUserName("many");
    for (int i = 0; i < 51; i++) {
      many.addTags(tag("k" + i, "v"));
    }
    assertEquals("LimitExceeded", errorCode(() -> f.iam.createUser(many.build())));
    assertEquals("InvalidInput", errorCode(() -> f.iam.createUser(CreateUserRequest.newBuilder().setUserName("t")
        .addTags(tag("aws:reserved", "x")).build())));
    assertEquals("InvalidInput", errorCode(() -> f.iam.createUser(CreateUserRequest.newBuilder().setUserName("t")
        .addTags(tag("dup", "x")).addTags(tag("DUP", "y")).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createUser(CreateUserRequest.newBuilder().setUserName("t")
        .addTags(tag("k", "bad\u0001value")).build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.untagUser(UntagUserRequest.newBuilder().setUserName("t").build())));
  }

  @Test
  void accessComesFromThePolicyEngine() {
    Caller nobody = f.user(account.id(), "nobody", null);
    f.actAs(nobody);
    var denied = failure(() -> f.iam.createUser(CreateUserRequest.newBuilder().setUserName("x").build()));
    assertEquals("AccessDenied", IamServiceFixture.detail(denied).getCode());
    assertTrue(denied.getStatus().getDescription().contains("iam:CreateUser"), denied.getStatus().getDescription());

    f.actAs(f.root(account.id()));
    Caller creator = f.user(account.id(), "creator", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":[\"iam:CreateUser\",\"iam:GetUser\"],\"Resource\":\"arn:aws:iam::" + account.id()
        + ":user/apps/*\"}]}");
    f.actAs(creator);
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("svc").setPath("/apps/").build());
    assertEquals("svc", f.iam.getUser(GetUserRequest.newBuilder().setUserName("svc").build()).getUser().getUserName());
    assertEquals("AccessDenied", errorCode(() -> f.iam.createUser(CreateUserRequest.newBuilder().setUserName("y").build())));
    assertEquals("AccessDenied", errorCode(() -> f.iam.listUsers(ListUsersRequest.getDefaultInstance())));
    // An explicit deny wins over the allow; the change is visible at once (store version refreshed).
    f.actAs(f.root(account.id()));
    f.iam.putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName("creator").setPolicyName("deny")
        .setPolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:GetUser\","
            + "\"Resource\":\"*\"}]}").build());
    f.actAs(creator);
    assertEquals("AccessDenied", errorCode(() -> f.iam.getUser(GetUserRequest.newBuilder().setUserName("svc").build())));
  }

  @Test
  void anotherAccountsRootCannotReachThisAccount() {
    f.iam.createUser(CreateUserRequest.newBuilder().setUserName("mine").build());
    String mine = account.id();
    f.newAccountAsRoot();
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getUser(GetUserRequest.newBuilder().setUserName("mine").build())));
    f.actAs(f.root(mine));
    assertEquals("mine", f.iam.getUser(GetUserRequest.newBuilder().setUserName("mine").build()).getUser().getUserName());
  }

  @Test
  void groupsAndMembership() {
    Group g = f.iam.createGroup(CreateGroupRequest.newBuilder().setGroupName("devs").setPath("/eng/").build()).getGroup();
    assertEquals("arn:aws:iam::" + account.id() + ":group/eng/devs", g.getArn());
    assertTrue(g.getGroupId().startsWith("AGPA"));
    f.iam.createGroup(CreateGroupRequest.newBuilder().setGroupName("ops").build());
    for (String n : List.of("m1", "m2", "m3")) {
      f.iam.createUser(CreateUserRequest.newBuilder().setUserName(n).build());
      f.iam.addUserToGroup(AddUserToGroupRequest.newBuilder().setGroupName("devs").setUserName(n).build());
    }
    GetGroupResponse page1 = f.iam.getGroup(GetGroupRequest.newBuilder().setGroupName("devs").setMaxItems(2).build());
    assertEquals(2, page1.getUsersCount());
    assertTrue(page1.getIsTruncated());
    GetGroupResponse page2 = f.iam.getGroup(GetGroupRequest.newBuilder().setGroupName("devs").setMaxItems(2)
        .setMarker(page1.getMarker()).build());
    assertEquals(List.of("m3"), page2.getUsersList().stream().map(User::getUserName).toList());
    assertEquals(List.of("devs", "ops"), f.iam.listGroups(ListGroupsRequest.getDefaultInstance()).getGroupsList()
        .stream().map(Group::getGroupName).toList());
    assertEquals(List.of("devs"), f.iam.listGroupsForUser(ListGroupsForUserRequest.newBuilder().setUserName("m1").build())
        .getGroupsList().stream().map(Group::getGroupName).toList());
    assertEquals("DeleteConflict", errorCode(() -> f.iam.deleteGroup(DeleteGroupRequest.newBuilder().setGroupName("devs").build())));
    for (String n : List.of("m1", "m2", "m3")) {
      f.iam.removeUserFromGroup(RemoveUserFromGroupRequest.newBuilder().setGroupName("devs").setUserName(n).build());
    }
    f.iam.deleteGroup(DeleteGroupRequest.newBuilder().setGroupName("devs").build());
    assertEquals("NoSuchEntity", errorCode(() -> f.iam.getGroup(GetGroupRequest.newBuilder().setGroupName("devs").build())));
    assertEquals("ValidationError", errorCode(() -> f.iam.createGroup(CreateGroupRequest.newBuilder()
        .setGroupName("g".repeat(129)).build())));
  }
}
