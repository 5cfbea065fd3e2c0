package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.PROFILE_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.ROLE_NAME_MAX;

import dev.lanyard.proto.iam.v1.AddRoleToInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.AddRoleToInstanceProfileResponse;
import dev.lanyard.proto.iam.v1.CreateInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.CreateInstanceProfileResponse;
import dev.lanyard.proto.iam.v1.DeleteInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.DeleteInstanceProfileResponse;
import dev.lanyard.proto.iam.v1.GetInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.GetInstanceProfileResponse;
import dev.lanyard.proto.iam.v1.ListInstanceProfilesRequest;
import dev.lanyard.proto.iam.v1.ListInstanceProfilesResponse;
import dev.lanyard.proto.iam.v1.RemoveRoleFromInstanceProfileRequest;
import dev.lanyard.proto.iam.v1.RemoveRoleFromInstanceProfileResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.InstanceProfile;
import dev.lanyard.sts.store.model.NewInstanceProfile;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.Tag;
import java.util.List;

/** Instance profiles, each holding at most one role; adding a role also needs {@code iam:PassRole} on it. */
final class InstanceProfileOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;

  InstanceProfileOperations(IamStore store, IamTargets targets, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
  }

  CreateInstanceProfileResponse createInstanceProfile(Caller caller, CreateInstanceProfileRequest r) {
    String name = IamValidation.name("instance_profile_name", r.getInstanceProfileName(), PROFILE_NAME_MAX);
    String path = IamValidation.path("path", r.getPath());
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    targets.access().require(caller, "CreateInstanceProfile",
        targets.arns().instanceProfile(caller.accountId(), path, name), ConditionKeys.of().tags(tags).map());
    InstanceProfile profile = store.instanceProfiles().create(caller.accountId(),
        new NewInstanceProfile(name, path, tags));
    versions.refresh();
    return CreateInstanceProfileResponse.newBuilder().setInstanceProfile(IamProtoMapping.profile(profile, null))
        .build();
  }

  GetInstanceProfileResponse getInstanceProfile(Caller caller, GetInstanceProfileRequest r) {
    String name = IamValidation.name("instance_profile_name", r.getInstanceProfileName(), PROFILE_NAME_MAX);
    InstanceProfile profile = targets.profile(caller, "GetInstanceProfile", name);
    return GetInstanceProfileResponse.newBuilder().setInstanceProfile(withRole(profile)).build();
  }

  ListInstanceProfilesResponse listInstanceProfiles(Caller caller, ListInstanceProfilesRequest r) {
    String prefix = IamValidation.pathPrefix("path_prefix", r.getPathPrefix());
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.access().require(caller, "ListInstanceProfiles",
        targets.arns().all(caller.accountId(), "instance-profile"));
    Page<InstanceProfile> profiles = store.instanceProfiles().list(caller.accountId(), prefix, page);
    var b = ListInstanceProfilesResponse.newBuilder().setIsTruncated(profiles.truncated());
    profiles.items().forEach(p -> b.addInstanceProfiles(withRole(p)));
    if (profiles.truncated()) {
      b.setMarker(profiles.nextMarker());
    }
    return b.build();
  }

  DeleteInstanceProfileResponse deleteInstanceProfile(Caller caller, DeleteInstanceProfileRequest r) {
    String name = IamValidation.name("instance_profile_name", r.getInstanceProfileName(), PROFILE_NAME_MAX);
    targets.profile(caller, "DeleteInstanceProfile", name);
    store.instanceProfiles().delete(caller.accountId(), name);
    versions.refresh();
    return DeleteInstanceProfileResponse.getDefaultInstance();
  }

  AddRoleToInstanceProfileResponse addRoleToInstanceProfile(Caller caller, AddRoleToInstanceProfileRequest r) {
    String name = IamValidation.name("instance_profile_name", r.getInstanceProfileName(), PROFILE_NAME_MAX);
    String roleName = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    targets.profile(caller, "AddRoleToInstanceProfile", name);
    targets.role(caller, "PassRole", roleName);
    store.instanceProfiles().addRole(caller.accountId(), name, roleName);
    versions.refresh();
    return AddRoleToInstanceProfileResponse.getDefaultInstance();
  }

  RemoveRoleFromInstanceProfileResponse removeRoleFromInstanceProfile(Caller caller,
      RemoveRoleFromInstanceProfileRequest r) {
    String name = IamValidation.name("instance_profile_name", r.getInstanceProfileName(), PROFILE_NAME_MAX);
    String roleName = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
    targets.profile(caller, "RemoveRoleFromInstanceProfile", name);
    store.instanceProfiles().removeRole(caller.accountId(), name, roleName);
    versions.refresh();
    return RemoveRoleFromInstanceProfileResponse.getDefaultInstance();
  }

  private dev.lanyard.proto.iam.v1.InstanceProfile withRole(InstanceProfile p) {
    Role role = p.roleArn() == null ? null : store.roles().getByArn(p.roleArn()).orElse(null);
    return IamProtoMapping.profile(p, role);
  }
}
