package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.ROLE_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.USER_NAME_MAX;

import dev.lanyard.proto.iam.v1.DeleteRolePermissionsBoundaryRequest;
import dev.lanyard.proto.iam.v1.DeleteRolePermissionsBoundaryResponse;
import dev.lanyard.proto.iam.v1.DeleteUserPermissionsBoundaryRequest;
import dev.lanyard.proto.iam.v1.DeleteUserPermissionsBoundaryResponse;
import dev.lanyard.proto.iam.v1.PutRolePermissionsBoundaryRequest;
import dev.lanyard.proto.iam.v1.PutRolePermissionsBoundaryResponse;
import dev.lanyard.proto.iam.v1.PutUserPermissionsBoundaryRequest;
import dev.lanyard.proto.iam.v1.PutUserPermissionsBoundaryResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.IamStore;

/** Permissions boundaries of users and roles (authorised with {@code iam:PermissionsBoundary}). */
final class BoundaryOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final ManagedPolicyRefs refs;
  private final StoreVersionTracker versions;

  BoundaryOperations(IamStore store, IamTargets targets, ManagedPolicyRefs refs, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.refs = refs;
    this.versions = versions;
  }

  PutUserPermissionsBoundaryResponse putUserPermissionsBoundary(Caller caller, PutUserPermissionsBoundaryRequest r) {
    String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    String arn = IamValidation.policyArn("permissions_boundary", r.getPermissionsBoundary());
    targets.user(caller, "PutUserPermissionsBoundary", name, ConditionKeys.of().boundary(arn).map());
    refs.requireAttachable(caller.accountId(), arn);
    store.users().setPermissionsBoundary(caller.accountId(), name, arn);
    versions.refresh();
    return PutUserPermissionsBoundaryResponse.getDefaultInstance();
  }

  DeleteUserPermissionsBoundaryResponse deleteUserPermissionsBoundary(Caller caller,
      DeleteUserPermissionsBoundaryRequest r) {
    String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
    targets.user(caller, "DeleteUserPermissionsBoundary", name);
    store.users().setPermissionsBoundary(caller.accountId(), name, null);
    versions.refresh();
    return DeleteUserPermissionsBoundaryResponse.getDefaultInstance();
  }

  PutRolePermissionsBoundaryResponse putRolePermissionsBoundary(Caller caller, PutRolePermissionsBoundaryRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    String arn = IamValidation.policyArn("permissions_boundary", r.getPermissionsBoundary());
    targets.role(caller, "PutRolePermissionsBoundary", name, ConditionKeys.of().boundary(arn).map());
    refs.requireAttachable(caller.accountId(), arn);
    store.roles().setPermissionsBoundary(caller.accountId(), name, arn);
    versions.refresh();
    return PutRolePermissionsBoundaryResponse.getDefaultInstance();
  }

  DeleteRolePermissionsBoundaryResponse deleteRolePermissionsBoundary(Caller caller,
      DeleteRolePermissionsBoundaryRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    targets.role(caller, "DeleteRolePermissionsBoundary", name);
    store.roles().setPermissionsBoundary(caller.accountId(), name, null);
    versions.refresh();
    return DeleteRolePermissionsBoundaryResponse.getDefaultInstance();
  }
}
