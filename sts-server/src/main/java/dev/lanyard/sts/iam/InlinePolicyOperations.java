package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.GROUP_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.POLICY_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.ROLE_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.USER_NAME_MAX;

import dev.lanyard.policy.validate.PolicySizes;
import dev.lanyard.proto.iam.v1.DeleteGroupPolicyRequest;
import dev.lanyard.proto.iam.v1.DeleteGroupPolicyResponse;
import dev.lanyard.proto.iam.v1.DeleteRolePolicyRequest;
import dev.lanyard.proto.iam.v1.DeleteRolePolicyResponse;
import dev.lanyard.proto.iam.v1.DeleteUserPolicyRequest;
import dev.lanyard.proto.iam.v1.DeleteUserPolicyResponse;
import dev.lanyard.proto.iam.v1.GetGroupPolicyRequest;
import dev.lanyard.proto.iam.v1.GetGroupPolicyResponse;
import dev.lanyard.proto.iam.v1.GetRolePolicyRequest;
import dev.lanyard.proto.iam.v1.GetRolePolicyResponse;
import dev.lanyard.proto.iam.v1.GetUserPolicyRequest;
import dev.lanyard.proto.iam.v1.GetUserPolicyResponse;
import dev.lanyard.proto.iam.v1.ListGroupPoliciesRequest;
import dev.lanyard.proto.iam.v1.ListGroupPoliciesResponse;
import dev.lanyard.proto.iam.v1.ListRolePoliciesRequest;
import dev.lanyard.proto.iam.v1.ListRolePoliciesResponse;
import dev.lanyard.proto.iam.v1.ListUserPoliciesRequest;
import dev.lanyard.proto.iam.v1.ListUserPoliciesResponse;
import dev.lanyard.proto.iam.v1.PutGroupPolicyRequest;
import dev.lanyard.proto.iam.v1.PutGroupPolicyResponse;
import dev.lanyard.proto.iam.v1.PutRolePolicyRequest;
import dev.lanyard.proto.iam.v1.PutRolePolicyResponse;
import dev.lanyard.proto.iam.v1.PutUserPolicyRequest;
import dev.lanyard.proto.iam.v1.PutUserPolicyResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.InlinePolicy;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.PolicyOwnerKind;

/**
 * Inline policies of users, groups and roles. A document is validated as an identity policy against
 * what is left of the owner's aggregate inline quota (user 2,048, group 5,120, role 10,240
 * characters, whitespace not counted), the policy being replaced not counted.
 */
final class InlinePolicyOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;

  InlinePolicyOperations(IamStore store, IamTargets targets, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
  }

  PutUserPolicyResponse putUserPolicy(Caller caller, PutUserPolicyRequest r) {
    put(caller, "PutUserPolicy", PolicyOwnerKind.USER, r.getUserName(), r.getPolicyName(), r.getPolicyDocument());
    return PutUserPolicyResponse.getDefaultInstance();
  }

  GetUserPolicyResponse getUserPolicy(Caller caller, GetUserPolicyRequest r) {
    InlinePolicy p = get(caller, "GetUserPolicy", PolicyOwnerKind.USER, r.getUserName(), r.getPolicyName());
    return GetUserPolicyResponse.newBuilder().setUserName(p.owner().name()).setPolicyName(p.policyName())
        .setPolicyDocument(p.document()).build();
  }

  DeleteUserPolicyResponse deleteUserPolicy(Caller caller, DeleteUserPolicyRequest r) {
    delete(caller, "DeleteUserPolicy", PolicyOwnerKind.USER, r.getUserName(), r.getPolicyName());
    return DeleteUserPolicyResponse.getDefaultInstance();
  }

  ListUserPoliciesResponse listUserPolicies(Caller caller, ListUserPoliciesRequest r) {
    Page<String> names = list(caller, "ListUserPolicies", PolicyOwnerKind.USER, r.getUserName(), r.getMarker(),
        r.hasMaxItems(), r.getMaxItems());
    var b = ListUserPoliciesResponse.newBuilder().addAllPolicyNames(names.items()).setIsTruncated(names.truncated());
    if (names.truncated()) {
      b.setMarker(names.nextMarker());
    }
    return b.build();
  }

  PutGroupPolicyResponse putGroupPolicy(Caller caller, PutGroupPolicyRequest r) {
    put(caller, "PutGroupPolicy", PolicyOwnerKind.GROUP, r.getGroupName(), r.getPolicyName(), r.getPolicyDocument());
    return PutGroupPolicyResponse.getDefaultInstance();
  }

  GetGroupPolicyResponse getGroupPolicy(Caller caller, GetGroupPolicyRequest r) {
    InlinePolicy p = get(caller, "GetGroupPolicy", PolicyOwnerKind.GROUP, r.getGroupName(), r.getPolicyName());
    return GetGroupPolicyResponse.newBuilder().setGroupName(p.owner().name()).setPolicyName(p.policyName())
        .setPolicyDocument(p.document()).build();
  }

  DeleteGroupPolicyResponse deleteGroupPolicy(Caller caller, DeleteGroupPolicyRequest r) {
    delete(caller, "DeleteGroupPolicy", PolicyOwnerKind.GROUP, r.getGroupName(), r.getPolicyName());
    return DeleteGroupPolicyResponse.getDefaultInstance();
  }

  ListGroupPoliciesResponse listGroupPolicies(Caller caller, ListGroupPoliciesRequest r) {
    Page<String> names = list(caller, "ListGroupPolicies", PolicyOwnerKind.GROUP, r.getGroupName(), r.getMarker(),
        r.hasMaxItems(), r.getMaxItems());
    var b = ListGroupPoliciesResponse.newBuilder().addAllPolicyNames(names.items()).setIsTruncated(names.truncated());
    if (names.truncated()) {
      b.setMarker(names.nextMarker());
    }
    return b.build();
  }

  PutRolePolicyResponse putRolePolicy(Caller caller, PutRolePolicyRequest r) {
    put(caller, "PutRolePolicy", PolicyOwnerKind.ROLE, r.getRoleName(), r.getPolicyName(), r.getPolicyDocument());
    return PutRolePolicyResponse.getDefaultInstance();
  }

  GetRolePolicyResponse getRolePolicy(Caller caller, GetRolePolicyRequest r) {
    InlinePolicy p = get(caller, "GetRolePolicy", PolicyOwnerKind.ROLE, r.getRoleName(), r.getPolicyName());
    return GetRolePolicyResponse.newBuilder().setRoleName(p.owner().name()).setPolicyName(p.policyName())
        .setPolicyDocument(p.document()).build();
  }

  DeleteRolePolicyResponse deleteRolePolicy(Caller caller, DeleteRolePolicyRequest r) {
    delete(caller, "DeleteRolePolicy", PolicyOwnerKind.ROLE, r.getRoleName(), r.getPolicyName());
    return DeleteRolePolicyResponse.getDefaultInstance();
  }

  ListRolePoliciesResponse listRolePolicies(Caller caller, ListRolePoliciesRequest r) {
    Page<String> names = list(caller, "ListRolePolicies", PolicyOwnerKind.ROLE, r.getRoleName(), r.getMarker(),
        r.hasMaxItems(), r.getMaxItems());
    var b = ListRolePoliciesResponse.newBuilder().addAllPolicyNames(names.items()).setIsTruncated(names.truncated());
    if (names.truncated()) {
      b.setMarker(names.nextMarker());
    }
    return b.build();
  }

  private void put(Caller caller, String action, PolicyOwnerKind kind, String ownerName, String policyName,
      String document) {
    PolicyOwner owner = owner(caller, action, kind, ownerName, policyName);
    int usedByOthers = store.principalPolicies().inlinePolicies(owner).stream()
        .filter(p -> !p.policyName().equals(policyName))
        .mapToInt(p -> PolicyDocuments.size(p.document())).sum();
    String checked = PolicyDocuments.inline("policy_document", document, aggregateLimit(kind), usedByOthers);
    store.principalPolicies().putInline(owner, policyName, checked);
    versions.refresh();
  }

  private InlinePolicy get(Caller caller, String action, PolicyOwnerKind kind, String ownerName, String policyName) {
    PolicyOwner owner = owner(caller, action, kind, ownerName, policyName);
    return store.principalPolicies().getInline(owner, policyName).orElseThrow(() -> new LanyardException(
        AwsErrorCode.NoSuchEntity, "The " + kind.name().toLowerCase(java.util.Locale.ROOT) + " policy with name "
            + policyName + " cannot be found.", false));
  }

  private void delete(Caller caller, String action, PolicyOwnerKind kind, String ownerName, String policyName) {
    PolicyOwner owner = owner(caller, action, kind, ownerName, policyName);
    store.principalPolicies().deleteInline(owner, policyName);
    versions.refresh();
  }

  private Page<String> list(Caller caller, String action, PolicyOwnerKind kind, String ownerName, String marker,
      boolean hasMaxItems, int maxItems) {
    var page = IamValidation.page(marker, hasMaxItems, maxItems);
    PolicyOwner owner = owner(caller, action, kind, ownerName, null);
    return store.principalPolicies().listInlineNames(owner, page);
  }

  /** Validates the names, then finds and authorises the owner ({@code policyName} null for listings). */
  private PolicyOwner owner(Caller caller, String action, PolicyOwnerKind kind, String ownerName, String policyName) {
    String account = caller.accountId();
    PolicyOwner owner = switch (kind) {
      case USER -> PolicyOwner.user(account, IamValidation.name("user_name", ownerName, USER_NAME_MAX));
      case GROUP -> PolicyOwner.group(account, IamValidation.name("group_name", ownerName, GROUP_NAME_MAX));
      case ROLE -> PolicyOwner.role(account, IamValidation.name("role_name", ownerName, ROLE_NAME_MAX));
    };
    if (policyName != null) {
      IamValidation.name("policy_name", policyName, POLICY_NAME_MAX);
    }
    switch (kind) {
      case USER -> targets.user(caller, action, owner.name());
      case GROUP -> targets.group(caller, action, owner.name());
      case ROLE -> targets.role(caller, action, owner.name());
    }
    return owner;
  }

  private static int aggregateLimit(PolicyOwnerKind kind) {
    return switch (kind) {
      case USER -> PolicySizes.INLINE_USER;
      case GROUP -> PolicySizes.INLINE_GROUP;
      case ROLE -> PolicySizes.INLINE_ROLE;
    };
  }
}
