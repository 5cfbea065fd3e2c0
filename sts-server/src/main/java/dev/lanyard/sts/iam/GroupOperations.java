package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.GROUP_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.USER_NAME_MAX;

import dev.lanyard.proto.iam.v1.AddUserToGroupRequest;
import dev.lanyard.proto.iam.v1.AddUserToGroupResponse;
import dev.lanyard.proto.iam.v1.CreateGroupRequest;
import dev.lanyard.proto.iam.v1.CreateGroupResponse;
import dev.lanyard.proto.iam.v1.DeleteGroupRequest;
import dev.lanyard.proto.iam.v1.DeleteGroupResponse;
import dev.lanyard.proto.iam.v1.GetGroupRequest;
import dev.lanyard.proto.iam.v1.GetGroupResponse;
import dev.lanyard.proto.iam.v1.ListGroupsForUserRequest;
import dev.lanyard.proto.iam.v1.ListGroupsForUserResponse;
import dev.lanyard.proto.iam.v1.ListGroupsRequest;
import dev.lanyard.proto.iam.v1.ListGroupsResponse;
import dev.lanyard.proto.iam.v1.RemoveUserFromGroupRequest;
import dev.lanyard.proto.iam.v1.RemoveUserFromGroupResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.Group;
import dev.lanyard.sts.store.model.NewGroup;
import dev.lanyard.sts.store.model.User;

/** IAM groups and membership. */
final class GroupOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;

  GroupOperations(IamStore store, IamTargets targets, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
  }

  CreateGroupResponse createGroup(Caller caller, CreateGroupRequest r) {
    String name = IamValidation.name("group_name", r.getGroupName(), GROUP_NAME_MAX);
    String path = IamValidation.path("path", r.getPath());
    targets.access().require(caller, "CreateGroup", targets.arns().group(caller.accountId(), path, name));
    Group group = store.groups().create(caller.accountId(), new NewGroup(name, path));
    versions.refresh();
    return CreateGroupResponse.newBuilder().setGroup(IamProtoMapping.group(group)).build();
  }

  GetGroupResponse getGroup(Caller caller, GetGroupRequest r) {
    String name = IamValidation.name("group_name", r.getGroupName(), GROUP_NAME_MAX);
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    Group group = targets.group(caller, "GetGroup", name);
    Page<User> members = store.groups().members(caller.accountId(), name, page);
    var b = GetGroupResponse.newBuilder().setGroup(IamProtoMapping.group(group))
        .setIsTruncated(members.truncated());
    members.items().forEach(u -> b.addUsers(IamProtoMapping.user(u)));
    if (members.truncated()) {
      b.setMarker(members.nextMarker());
    }
    return b.build();
  }

  ListGroupsResponse listGroups(Caller caller, ListGroupsRequest r) {
    String prefix = IamValidation.pathPrefix("path_prefix", r.getPathPrefix());
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.access().require(caller, "ListGroups", targets.arns().all(caller.accountId(), "group"));
    Page<Group> groups = store.groups().list(caller.accountId(), prefix, page);
    var b = ListGroupsResponse.newBuilder().setIsTruncated(groups.truncated());
    groups.items().forEach(g -> b.addGroups(IamProtoMapping.group(g)));
    if (groups.truncated()) {
      b.setMarker(groups.nextMarker());
    }
    return b.build();
  }

  DeleteGroupResponse deleteGroup(Caller caller, DeleteGroupRequest r) {
    String name = IamValidation.name("group_name", r.getGroupName(), GROUP_NAME_MAX);
    targets.group(caller, "DeleteGroup", name);
    store.groups().delete(caller.accountId(), name);
    versions.refresh();
    return DeleteGroupResponse.getDefaultInstance();
  }

  AddUserToGroupResponse addUserToGroup(Caller caller, AddUserToGroupRequest r) {
    String group = IamValidation.name("group_name", r.getGroupName(), GROUP_NAME_MAX);
    String user = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    targets.group(caller, "AddUserToGroup", group);
    store.groups().addUser(caller.accountId(), group, user);
    versions.refresh();
    return AddUserToGroupResponse.getDefaultInstance();
  }

  RemoveUserFromGroupResponse removeUserFromGroup(Caller caller, RemoveUserFromGroupRequest r) {
    String group = IamValidation.name("group_name", r.getGroupName(), GROUP_NAME_MAX);
    String user = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    targets.group(caller, "RemoveUserFromGroup", group);
    store.groups().removeUser(caller.accountId(), group, user);
    versions.refresh();
    return RemoveUserFromGroupResponse.getDefaultInstance();
  }

  ListGroupsForUserResponse listGroupsForUser(Caller caller, ListGroupsForUserRequest r) {
    String user = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.user(caller, "ListGroupsForUser", user);
    Page<Group> groups = store.groups().groupsForUser(caller.accountId(), user, page);
    var b = ListGroupsForUserResponse.newBuilder().setIsTruncated(groups.truncated());
    groups.items().forEach(g -> b.addGroups(IamProtoMapping.group(g)));
    if (groups.truncated()) {
      b.setMarker(groups.nextMarker());
    }
    return b.build();
  }
}
