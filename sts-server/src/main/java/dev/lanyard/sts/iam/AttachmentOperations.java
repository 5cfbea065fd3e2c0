package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.GROUP_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.ROLE_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.USER_NAME_MAX;

import dev.lanyard.proto.iam.v1.AttachGroupPolicyRequest;
import dev.lanyard.proto.iam.v1.AttachGroupPolicyResponse;
import dev.lanyard.proto.iam.v1.AttachRolePolicyRequest;
import dev.lanyard.proto.iam.v1.AttachRolePolicyResponse;
import dev.lanyard.proto.iam.v1.AttachUserPolicyRequest;
import dev.lanyard.proto.iam.v1.AttachUserPolicyResponse;
import dev.lanyard.proto.iam.v1.DetachGroupPolicyRequest;
import dev.lanyard.proto.iam.v1.DetachGroupPolicyResponse;
import dev.lanyard.proto.iam.v1.DetachRolePolicyRequest;
import dev.lanyard.proto.iam.v1.DetachRolePolicyResponse;
import dev.lanyard.proto.iam.v1.DetachUserPolicyRequest;
import dev.lanyard.proto.iam.v1.DetachUserPolicyResponse;
import dev.lanyard.proto.iam.v1.ListAttachedGroupPoliciesRequest;
import dev.lanyard.proto.iam.v1.ListAttachedGroupPoliciesResponse;
import dev.lanyard.proto.iam.v1.ListAttachedRolePoliciesRequest;
import dev.lanyard.proto.iam.v1.ListAttachedRolePoliciesResponse;
import dev.lanyard.proto.iam.v1.ListAttachedUserPoliciesRequest;
import dev.lanyard.proto.iam.v1.ListAttachedUserPoliciesResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.AttachedPolicy;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.PolicyOwnerKind;
import java.util.List;
import java.util.Locale;

/** Managed policies attached to users, groups and roles (authorised with {@code iam:PolicyARN}). */
final class AttachmentOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final ManagedPolicyRefs refs;
  private final StoreVersionTracker versions;

  AttachmentOperations(IamStore store, IamTargets targets, ManagedPolicyRefs refs, StoreVersionTracker versions) {
    this.store = store;
    this.targets = targets;
    this.refs = refs;
    this.versions = versions;
  }

  AttachUserPolicyResponse attachUserPolicy(Caller caller, AttachUserPolicyRequest r) {
    attach(caller, "AttachUserPolicy", PolicyOwnerKind.USER, r.getUserName(), r.getPolicyArn());
    return AttachUserPolicyResponse.getDefaultInstance();
  }

  DetachUserPolicyResponse detachUserPolicy(Caller caller, DetachUserPolicyRequest r) {
    detach(caller, "DetachUserPolicy", PolicyOwnerKind.USER, r.getUserName(), r.getPolicyArn());
    return DetachUserPolicyResponse.getDefaultInstance();
  }

  AttachGroupPolicyResponse attachGroupPolicy(Caller caller, AttachGroupPolicyRequest r) {
    attach(caller, "AttachGroupPolicy", PolicyOwnerKind.GROUP, r.getGroupName(), r.getPolicyArn());
    return AttachGroupPolicyResponse.getDefaultInstance();
  }

  DetachGroupPolicyResponse detachGroupPolicy(Caller caller, DetachGroupPolicyRequest r) {
    detach(caller, "DetachGroupPolicy", PolicyOwnerKind.GROUP, r.getGroupName(), r.getPolicyArn());
    return DetachGroupPolicyResponse.getDefaultInstance();
  }

  AttachRolePolicyResponse attachRolePolicy(Caller caller, AttachRolePolicyRequest r) {
    attach(caller, "AttachRolePolicy", PolicyOwnerKind.ROLE, r.getRoleName(), r.getPolicyArn());
    return AttachRolePolicyResponse.getDefaultInstance();
  }

  DetachRolePolicyResponse detachRolePolicy(Caller caller, DetachRolePolicyRequest r) {
    detach(caller, "DetachRolePolicy", PolicyOwnerKind.ROLE, r.getRoleName(), r.getPolicyArn());
    return DetachRolePolicyResponse.getDefaultInstance();
  }

  ListAttachedUserPoliciesResponse listAttachedUserPolicies(Caller caller, ListAttachedUserPoliciesRequest r) {
    Page<AttachedPolicy> page = list(caller, "ListAttachedUserPolicies", PolicyOwnerKind.USER, r.getUserName(),
        r.getPathPrefix(), r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    var b = ListAttachedUserPoliciesResponse.newBuilder().setIsTruncated(page.truncated());
    page.items().forEach(a -> b.addAttachedPolicies(IamProtoMapping.attached(a)));
    if (page.truncated()) {
      b.setMarker(page.nextMarker());
    }
    return b.build();
  }

  ListAttachedGroupPoliciesResponse listAttachedGroupPolicies(Caller caller, ListAttachedGroupPoliciesRequest r) {
    Page<AttachedPolicy> page = list(caller, "ListAttachedGroupPolicies", PolicyOwnerKind.GROUP, r.getGroupName(),
        r.getPathPrefix(), r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    var b = ListAttachedGroupPoliciesResponse.newBuilder().setIsTruncated(page.truncated());
    page.items().forEach(a -> b.addAttachedPolicies(IamProtoMapping.attached(a)));
    if (page.truncated()) {
      b.setMarker(page.nextMarker());
    }
    return b.build();
  }

  ListAttachedRolePoliciesResponse listAttachedRolePolicies(Caller caller, ListAttachedRolePoliciesRequest r) {
    Page<AttachedPolicy> page = list(caller, "ListAttachedRolePolicies", PolicyOwnerKind.ROLE, r.getRoleName(),
        r.getPathPrefix(), r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    var b = ListAttachedRolePoliciesResponse.newBuilder().setIsTruncated(page.truncated());
    page.items().forEach(a -> b.addAttachedPolicies(IamProtoMapping.attached(a)));
    if (page.truncated()) {
      b.setMarker(page.nextMarker());
    }
    return b.build();
  }

  private void attach(Caller caller, String action, PolicyOwnerKind kind, String ownerName, String policyArn) {
    String arn = IamValidation.policyArn("policy_arn", policyArn);
    PolicyOwner owner = owner(caller, action, kind, ownerName, arn);
    refs.requireAttachable(caller.accountId(), arn);
    store.principalPolicies().attach(owner, arn);
    versions.refresh();
  }

  private void detach(Caller caller, String action, PolicyOwnerKind kind, String ownerName, String policyArn) {
    String arn = IamValidation.policyArn("policy_arn", policyArn);
    PolicyOwner owner = owner(caller, action, kind, ownerName, arn);
    store.principalPolicies().detach(owner, arn);
    versions.refresh();
  }

  private Page<AttachedPolicy> list(Caller caller, String action, PolicyOwnerKind kind, String ownerName,
      String pathPrefix, String marker, boolean hasMaxItems, int maxItems) {
    String prefix = IamValidation.pathPrefix("path_prefix", pathPrefix);
    var page = IamValidation.page(marker, hasMaxItems, maxItems);
    PolicyOwner owner = owner(caller, action, kind, ownerName, null);
    List<AttachedPolicy> matching = store.principalPolicies().attachedPolicies(owner).stream()
        .filter(a -> ManagedPolicyRefs.pathOf(a.policyArn()).startsWith(prefix)).toList();
    return ListPages.of(matching, a -> a.policyArn().toLowerCase(Locale.ROOT), page);
  }

  private PolicyOwner owner(Caller caller, String action, PolicyOwnerKind kind, String ownerName, String policyArn) {
    String account = caller.accountId();
    var context = policyArn == null ? java.util.Map.<String, List<String>>of()
        : ConditionKeys.of().policyArn(policyArn).map();
    return switch (kind) {
      case USER -> PolicyOwner.user(account, targets.user(caller, action,
          IamValidation.name("user_name", ownerName, USER_NAME_MAX), context).name());
      case GROUP -> PolicyOwner.group(account, targets.group(caller, action,
          IamValidation.name("group_name", ownerName, GROUP_NAME_MAX), context).name());
      case ROLE -> PolicyOwner.role(account, targets.role(caller, action,
          IamValidation.name("role_name", ownerName, ROLE_NAME_MAX), context).name());
    };
  }
}
