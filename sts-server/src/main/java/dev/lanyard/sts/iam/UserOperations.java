package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.USER_NAME_MAX;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.proto.iam.v1.CreateUserRequest;
import dev.lanyard.proto.iam.v1.CreateUserResponse;
import dev.lanyard.proto.iam.v1.DeleteUserRequest;
import dev.lanyard.proto.iam.v1.DeleteUserResponse;
import dev.lanyard.proto.iam.v1.GetUserRequest;
import dev.lanyard.proto.iam.v1.GetUserResponse;
import dev.lanyard.proto.iam.v1.ListUserTagsRequest;
import dev.lanyard.proto.iam.v1.ListUserTagsResponse;
import dev.lanyard.proto.iam.v1.ListUsersRequest;
import dev.lanyard.proto.iam.v1.ListUsersResponse;
import dev.lanyard.proto.iam.v1.TagUserRequest;
import dev.lanyard.proto.iam.v1.TagUserResponse;
import dev.lanyard.proto.iam.v1.UntagUserRequest;
import dev.lanyard.proto.iam.v1.UntagUserResponse;
import dev.lanyard.proto.iam.v1.UpdateUserRequest;
import dev.lanyard.proto.iam.v1.UpdateUserResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.Account;
import dev.lanyard.sts.store.model.NewUser;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.store.model.User;
import java.util.List;

/** IAM users: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser and user tags. */
final class UserOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final ManagedPolicyRefs refs;
  private final StoreVersionTracker versions;

  UserOperations(IamStore store, IamTargets targets, ManagedPolicyRefs refs, StoreVersionTracker versions) {
    this.store = store;
    this.refs = refs;
    this.targets = targets;
    this.versions = versions;
  }

  CreateUserResponse createUser(Caller caller, CreateUserRequest r) {
    String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    String path = IamValidation.path("path", r.getPath());
    String boundary = IamValidation.optionalPolicyArn("permissions_boundary", r.getPermissionsBoundary());
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    targets.access().require(caller, "CreateUser", targets.arns().user(caller.accountId(), path, name),
        ConditionKeys.of().tags(tags).boundary(boundary).map());
    if (boundary != null) {
      refs.requireAttachable(caller.accountId(), boundary);
    }
    User user = store.users().create(caller.accountId(), new NewUser(name, path, tags, boundary));
    versions.refresh();
    return CreateUserResponse.newBuilder().setUser(IamProtoMapping.user(user)).build();
  }

  GetUserResponse getUser(Caller caller, GetUserRequest r) {
    if (r.getUserName().isEmpty() && caller.type() == PrincipalType.ACCOUNT_ROOT) {
      return GetUserResponse.newBuilder().setUser(root(caller)).build();
    }
    String name = targets.namedOrCallingUser(caller, "user_name", r.getUserName());
    User user = targets.user(caller, "GetUser", name);
    return GetUserResponse.newBuilder().setUser(IamProtoMapping.user(user)).build();
  }

  ListUsersResponse listUsers(Caller caller, ListUsersRequest r) {
    String prefix = IamValidation.pathPrefix("path_prefix", r.getPathPrefix());
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.access().require(caller, "ListUsers", targets.arns().all(caller.accountId(), "user"));
    Page<User> users = store.users().list(caller.accountId(), prefix, page);
    var b = ListUsersResponse.newBuilder().setIsTruncated(users.truncated());
    users.items().forEach(u -> b.addUsers(IamProtoMapping.user(u)));
    if (users.truncated()) {
      b.setMarker(users.nextMarker());
    }
    return b.build();
  }

  UpdateUserResponse updateUser(Caller caller, UpdateUserRequest r) {
    String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    String newName = r.hasNewUserName()
        ? IamValidation.name("new_user_name", r.getNewUserName(), USER_NAME_MAX) : null;
    String newPath = r.hasNewPath() ? IamValidation.path("new_path", r.getNewPath()) : null;
    User user = targets.user(caller, "UpdateUser", name);
    User changed = user;
    if (newName != null) {
      changed = changed.withName(newName);
    }
    if (newPath != null) {
      changed = changed.withPath(newPath);
    }
    // AWS authorises a rename or move on the target ARN too.
    targets.access().require(caller, "UpdateUser",
        targets.arns().user(caller.accountId(), changed.path(), changed.name()));
    store.users().update(changed);
    versions.refresh();
    return UpdateUserResponse.getDefaultInstance();
  }

  DeleteUserResponse deleteUser(Caller caller, DeleteUserRequest r) {
    String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    targets.user(caller, "DeleteUser", name);
    store.users().delete(caller.accountId(), name);
    versions.refresh();
    return DeleteUserResponse.getDefaultInstance();
  }

  TagUserResponse tagUser(Caller caller, TagUserRequest r) {
    String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    if (tags.isEmpty()) {
      throw IamValidation.invalid("tags", "is empty", "1 to 50 tags");
    }
    targets.user(caller, "TagUser", name, ConditionKeys.of().tags(tags).map());
    store.users().tag(caller.accountId(), name, tags);
    versions.refresh();
    return TagUserResponse.getDefaultInstance();
  }

  UntagUserResponse untagUser(Caller caller, UntagUserRequest r) {
    String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    List<String> keys = IamValidation.tagKeys("tag_keys", r.getTagKeysList());
    targets.user(caller, "UntagUser", name, ConditionKeys.of().tagKeys(keys).map());
    store.users().untag(caller.accountId(), name, keys);
    versions.refresh();
    return UntagUserResponse.getDefaultInstance();
  }

  ListUserTagsResponse listUserTags(Caller caller, ListUserTagsRequest r) {
    String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    User user = targets.user(caller, "ListUserTags", name);
    Page<Tag> tags = ListPages.of(user.tags(), t -> t.key().toLowerCase(java.util.Locale.ROOT), page);
    var b = ListUserTagsResponse.newBuilder().addAllTags(IamProtoMapping.tags(tags.items()))
        .setIsTruncated(tags.truncated());
    if (tags.truncated()) {
      b.setMarker(tags.nextMarker());
    }
    return b.build();
  }

  /** The account root as GetUser describes it: its ARN, the account id as user id. */
  private dev.lanyard.proto.iam.v1.User root(Caller caller) {
    Account account = store.accounts().get(caller.accountId()).orElseThrow(() -> new LanyardException(
        AwsErrorCode.NoSuchEntity, "The account " + caller.accountId() + " cannot be found.", false));
    return dev.lanyard.proto.iam.v1.User.newBuilder().setPath("/").setUserId(account.id())
        .setArn(targets.arns().root(account.id())).setCreateDate(IamProtoMapping.time(account.createDate()))
        .build();
  }
}
