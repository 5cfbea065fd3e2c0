package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.ROLE_NAME_MAX;

import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.CreateRoleResponse;
import dev.lanyard.proto.iam.v1.DeleteRoleRequest;
import dev.lanyard.proto.iam.v1.DeleteRoleResponse;
import dev.lanyard.proto.iam.v1.GetRoleRequest;
import dev.lanyard.proto.iam.v1.GetRoleResponse;
import dev.lanyard.proto.iam.v1.ListRoleTagsRequest;
import dev.lanyard.proto.iam.v1.ListRoleTagsResponse;
import dev.lanyard.proto.iam.v1.ListRolesRequest;
import dev.lanyard.proto.iam.v1.ListRolesResponse;
import dev.lanyard.proto.iam.v1.TagRoleRequest;
import dev.lanyard.proto.iam.v1.TagRoleResponse;
import dev.lanyard.proto.iam.v1.UntagRoleRequest;
import dev.lanyard.proto.iam.v1.UntagRoleResponse;
import dev.lanyard.proto.iam.v1.UpdateAssumeRolePolicyRequest;
import dev.lanyard.proto.iam.v1.UpdateAssumeRolePolicyResponse;
import dev.lanyard.proto.iam.v1.UpdateRoleRequest;
import dev.lanyard.proto.iam.v1.UpdateRoleResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.NewRole;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.Tag;
import java.util.List;
import java.util.Locale;

/** IAM roles: trust policy, description, maximum session duration, path and tags. */
final class RoleOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final ManagedPolicyRefs refs;
  private final StoreVersionTracker versions;

  RoleOperations(IamStore store, IamTargets targets, ManagedPolicyRefs refs, StoreVersionTracker versions) {
    this.store = store;
    this.refs = refs;
    this.targets = targets;
    this.versions = versions;
  }

  CreateRoleResponse createRole(Caller caller, CreateRoleRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    String path = IamValidation.path("path", r.getPath());
    String trust = PolicyDocuments.trust("assume_role_policy_document", r.getAssumeRolePolicyDocument());
    String description = IamValidation.description("description", r.getDescription());
    Integer duration = r.hasMaxSessionDuration()
        ? IamValidation.maxSessionDuration("max_session_duration", r.getMaxSessionDuration()) : null;
    String boundary = IamValidation.optionalPolicyArn("permissions_boundary", r.getPermissionsBoundary());
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    targets.access().require(caller, "CreateRole", targets.arns().role(caller.accountId(), path, name),
        ConditionKeys.of().tags(tags).boundary(boundary).map());
    if (boundary != null) {
      refs.requireAttachable(caller.accountId(), boundary);
    }
    Role role = store.roles().create(caller.accountId(),
        new NewRole(name, path, trust, description, duration, tags, boundary));
    versions.refresh();
    return CreateRoleResponse.newBuilder().setRole(IamProtoMapping.role(role)).build();
  }

  GetRoleResponse getRole(Caller caller, GetRoleRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    Role role = targets.role(caller, "GetRole", name);
    return GetRoleResponse.newBuilder().setRole(IamProtoMapping.role(role)).build();
  }

  ListRolesResponse listRoles(Caller caller, ListRolesRequest r) {
    String prefix = IamValidation.pathPrefix("path_prefix", r.getPathPrefix());
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.access().require(caller, "ListRoles", targets.arns().all(caller.accountId(), "role"));
    Page<Role> roles = store.roles().list(caller.accountId(), prefix, page);
    var b = ListRolesResponse.newBuilder().setIsTruncated(roles.truncated());
    roles.items().forEach(role -> b.addRoles(IamProtoMapping.role(role)));
    if (roles.truncated()) {
      b.setMarker(roles.nextMarker());
    }
    return b.build();
  }

  UpdateRoleResponse updateRole(Caller caller, UpdateRoleRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    String description = r.hasDescription() ? IamValidation.description("description", r.getDescription()) : null;
    Integer duration = r.hasMaxSessionDuration()
        ? IamValidation.maxSessionDuration("max_session_duration", r.getMaxSessionDuration()) : null;
    Role role = targets.role(caller, "UpdateRole", name);
    Role changed = role;
    if (r.hasDescription()) {
      changed = changed.withDescription(description);
    }
    if (duration != null) {
      changed = changed.withMaxSessionDuration(duration);
    }
    store.roles().update(changed);
    versions.refresh();
    return UpdateRoleResponse.getDefaultInstance();
  }

  UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(Caller caller, UpdateAssumeRolePolicyRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    String trust = PolicyDocuments.trust("policy_document", r.getPolicyDocument());
    Role role = targets.role(caller, "UpdateAssumeRolePolicy", name);
    store.roles().update(role.withTrustPolicy(trust));
    versions.refresh();
    return UpdateAssumeRolePolicyResponse.getDefaultInstance();
  }

  DeleteRoleResponse deleteRole(Caller caller, DeleteRoleRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    targets.role(caller, "DeleteRole", name);
    store.roles().delete(caller.accountId(), name);
    versions.refresh();
    return DeleteRoleResponse.getDefaultInstance();
  }

  TagRoleResponse tagRole(Caller caller, TagRoleRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    if (tags.isEmpty()) {
      throw IamValidation.invalid("tags", "is empty", "1 to 50 tags");
    }
    targets.role(caller, "TagRole", name, ConditionKeys.of().tags(tags).map());
    store.roles().tag(caller.accountId(), name, tags);
    versions.refresh();
    return TagRoleResponse.getDefaultInstance();
  }

  UntagRoleResponse untagRole(Caller caller, UntagRoleRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    List<String> keys = IamValidation.tagKeys("tag_keys", r.getTagKeysList());
    targets.role(caller, "UntagRole", name, ConditionKeys.of().tagKeys(keys).map());
    store.roles().untag(caller.accountId(), name, keys);
    versions.refresh();
    return UntagRoleResponse.getDefaultInstance();
  }

  ListRoleTagsResponse listRoleTags(Caller caller, ListRoleTagsRequest r) {
    String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    Role role = targets.role(caller, "ListRoleTags", name);
    Page<Tag> tags = ListPages.of(role.tags(), t -> t.key().toLowerCase(Locale.ROOT), page);
    var b = ListRoleTagsResponse.newBuilder().addAllTags(IamProtoMapping.tags(tags.items()))
        .setIsTruncated(tags.truncated());
    if (tags.truncated()) {
      b.setMarker(tags.nextMarker());
    }
    return b.build();
  }
}
