package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.POLICY_NAME_MAX;

import dev.lanyard.proto.iam.v1.CreatePolicyRequest;
import dev.lanyard.proto.iam.v1.CreatePolicyResponse;
import dev.lanyard.proto.iam.v1.CreatePolicyVersionRequest;
import dev.lanyard.proto.iam.v1.CreatePolicyVersionResponse;
import dev.lanyard.proto.iam.v1.DeletePolicyRequest;
import dev.lanyard.proto.iam.v1.DeletePolicyResponse;
import dev.lanyard.proto.iam.v1.DeletePolicyVersionRequest;
import dev.lanyard.proto.iam.v1.DeletePolicyVersionResponse;
import dev.lanyard.proto.iam.v1.GetPolicyRequest;
import dev.lanyard.proto.iam.v1.GetPolicyResponse;
import dev.lanyard.proto.iam.v1.GetPolicyVersionRequest;
import dev.lanyard.proto.iam.v1.GetPolicyVersionResponse;
import dev.lanyard.proto.iam.v1.ListPoliciesRequest;
import dev.lanyard.proto.iam.v1.ListPoliciesResponse;
import dev.lanyard.proto.iam.v1.ListPolicyVersionsRequest;
import dev.lanyard.proto.iam.v1.ListPolicyVersionsResponse;
import dev.lanyard.proto.iam.v1.PolicyScope;
import dev.lanyard.proto.iam.v1.PolicyUsageFilter;
import dev.lanyard.proto.iam.v1.SetDefaultPolicyVersionRequest;
import dev.lanyard.proto.iam.v1.SetDefaultPolicyVersionResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.ManagedPolicy;
import dev.lanyard.sts.store.model.ManagedPolicyVersion;
import dev.lanyard.sts.store.model.NewManagedPolicy;
import dev.lanyard.sts.store.model.Tag;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Customer managed policies and their versions (at most 5, one default). */
final class PolicyOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;

  PolicyOperations(IamStore store, IamTargets targets, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
  }

  CreatePolicyResponse createPolicy(Caller caller, CreatePolicyRequest r) {
    String name = IamValidation.name("policy_name", r.getPolicyName(), POLICY_NAME_MAX);
    String path = IamValidation.path("path", r.getPath());
    String description = IamValidation.description("description", r.getDescription());
    List<Tag> tags = IamValidation.tags("tags", r.getTagsList());
    String document = PolicyDocuments.managed("policy_document", r.getPolicyDocument());
    targets.access().require(caller, "CreatePolicy", targets.arns().policy(caller.accountId(), path, name),
        ConditionKeys.of().tags(tags).map());
    ManagedPolicy policy = store.managedPolicies().create(caller.accountId(),
        new NewManagedPolicy(name, path, description, document, tags));
    versions.refresh();
    return CreatePolicyResponse.newBuilder().setPolicy(IamProtoMapping.policy(policy)).build();
  }

  GetPolicyResponse getPolicy(Caller caller, GetPolicyRequest r) {
    String arn = IamValidation.policyArn("policy_arn", r.getPolicyArn());
    ManagedPolicy policy = targets.policy(caller, "GetPolicy", arn);
    return GetPolicyResponse.newBuilder().setPolicy(IamProtoMapping.policy(policy)).build();
  }

  ListPoliciesResponse listPolicies(Caller caller, ListPoliciesRequest r) {
    String prefix = IamValidation.pathPrefix("path_prefix", r.getPathPrefix());
    PageRequest page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.access().require(caller, "ListPolicies", targets.arns().all(caller.accountId(), "policy"));
    var b = ListPoliciesResponse.newBuilder();
    if (r.getScope() == PolicyScope.POLICY_SCOPE_AWS) {
      return b.setIsTruncated(false).build();
    }
    Page<ManagedPolicy> policies;
    if (r.getPolicyUsageFilter() == PolicyUsageFilter.POLICY_USAGE_FILTER_UNSPECIFIED) {
      policies = store.managedPolicies().list(caller.accountId(), prefix, r.getOnlyAttached(), page);
    } else {
      Predicate<ManagedPolicy> usage = r.getPolicyUsageFilter()
          == PolicyUsageFilter.POLICY_USAGE_FILTER_PERMISSIONS_BOUNDARY
          ? p -> p.permissionsBoundaryUsageCount() > 0 : p -> p.attachmentCount() > 0;
      List<ManagedPolicy> all = ListPages.all(
          p -> store.managedPolicies().list(caller.accountId(), prefix, r.getOnlyAttached(), p));
      policies = ListPages.of(all.stream().filter(usage).toList(), p -> p.name().toLowerCase(Locale.ROOT), page);
    }
    policies.items().forEach(p -> b.addPolicies(IamProtoMapping.policy(p)));
    b.setIsTruncated(policies.truncated());
    if (policies.truncated()) {
      b.setMarker(policies.nextMarker());
    }
    return b.build();
  }

  DeletePolicyResponse deletePolicy(Caller caller, DeletePolicyRequest r) {
    String arn = IamValidation.policyArn("policy_arn", r.getPolicyArn());
    targets.policy(caller, "DeletePolicy", arn);
    store.managedPolicies().delete(arn);
    versions.refresh();
    return DeletePolicyResponse.getDefaultInstance();
  }

  CreatePolicyVersionResponse createPolicyVersion(Caller caller, CreatePolicyVersionRequest r) {
    String arn = IamValidation.policyArn("policy_arn", r.getPolicyArn());
    String document = PolicyDocuments.managed("policy_document", r.getPolicyDocument());
    targets.policy(caller, "CreatePolicyVersion", arn);
    ManagedPolicyVersion version = store.managedPolicies().createVersion(arn, document, r.getSetAsDefault());
    versions.refresh();
    return CreatePolicyVersionResponse.newBuilder().setPolicyVersion(IamProtoMapping.version(version, false))
        .build();
  }

  GetPolicyVersionResponse getPolicyVersion(Caller caller, GetPolicyVersionRequest r) {
    String arn = IamValidation.policyArn("policy_arn", r.getPolicyArn());
    String versionId = IamValidation.versionId("version_id", r.getVersionId());
    targets.policy(caller, "GetPolicyVersion", arn);
    ManagedPolicyVersion version = store.managedPolicies().getVersion(arn, versionId)
        .orElseThrow(() -> new LanyardException(AwsErrorCode.NoSuchEntity,
            "Policy " + arn + " version " + versionId + " does not exist.", false));
    return GetPolicyVersionResponse.newBuilder().setPolicyVersion(IamProtoMapping.version(version, true)).build();
  }

  ListPolicyVersionsResponse listPolicyVersions(Caller caller, ListPolicyVersionsRequest r) {
    String arn = IamValidation.policyArn("policy_arn", r.getPolicyArn());
    PageRequest page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    targets.policy(caller, "ListPolicyVersions", arn);
    // Newest first, as AWS lists them: order by the version number, descending.
    Page<ManagedPolicyVersion> found = ListPages.of(store.managedPolicies().listVersions(arn),
        PolicyOperations::newestFirstKey, page);
    var b = ListPolicyVersionsResponse.newBuilder().setIsTruncated(found.truncated());
    found.items().forEach(v -> b.addVersions(IamProtoMapping.version(v, false)));
    if (found.truncated()) {
      b.setMarker(found.nextMarker());
    }
    return b.build();
  }

  DeletePolicyVersionResponse deletePolicyVersion(Caller caller, DeletePolicyVersionRequest r) {
    String arn = IamValidation.policyArn("policy_arn", r.getPolicyArn());
    String versionId = IamValidation.versionId("version_id", r.getVersionId());
    targets.policy(caller, "DeletePolicyVersion", arn);
    store.managedPolicies().deleteVersion(arn, versionId);
    versions.refresh();
    return DeletePolicyVersionResponse.getDefaultInstance();
  }

  SetDefaultPolicyVersionResponse setDefaultPolicyVersion(Caller caller, SetDefaultPolicyVersionRequest r) {
    String arn = IamValidation.policyArn("policy_arn", r.getPolicyArn());
    String versionId = IamValidation.versionId("version_id", r.getVersionId());
    targets.policy(caller, "SetDefaultPolicyVersion", arn);
    store.managedPolicies().setDefaultVersion(arn, versionId);
    versions.refresh();
    return SetDefaultPolicyVersionResponse.getDefaultInstance();
  }

  /** A key that sorts v10 before v9 before v1 (a zero-padded complement of the number). */
  private static String newestFirstKey(ManagedPolicyVersion v) {
    String digits = v.versionId().substring(1).split("\\.", 2)[0];
    long n = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    return String.format(Locale.ROOT, "%019d", Long.MAX_VALUE - n);
  }
}
