package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.AttachedPolicy;
import dev.lanyard.sts.store.model.InlinePolicy;
import dev.lanyard.sts.store.model.PolicyOwner;

import java.util.List;
import java.util.Optional;

/** The policies held by users, groups and roles: inline policies and managed-policy attachments. */
public interface PrincipalPolicyStore {
    /** PutUserPolicy / PutGroupPolicy / PutRolePolicy: creates or replaces an inline policy. */
    InlinePolicy putInline(PolicyOwner owner, String policyName, String document);

    Optional<InlinePolicy> getInline(PolicyOwner owner, String policyName);

    /** Inline policy names, in order. */
    Page<String> listInlineNames(PolicyOwner owner, PageRequest page);

    /** Every inline policy of the owner, for evaluation. */
    List<InlinePolicy> inlinePolicies(PolicyOwner owner);

    void deleteInline(PolicyOwner owner, String policyName);

    /**
     * Attaches a managed policy by ARN: a customer managed policy must exist ({@code NoSuchEntity});
     * an AWS managed ARN ({@code arn:<partition>:iam::aws:policy/[path/]NAME}) must name a policy the
     * server ships ({@code NoSuchEntity} "does not exist or is not attachable" otherwise); it is listed
     * with the last path segment as its name and counts towards the limit like any other.
     * Idempotent; {@code LimitExceeded} beyond {@link IamLimits#ATTACHED_POLICIES}.
     */
    void attach(PolicyOwner owner, String policyArn);

    void detach(PolicyOwner owner, String policyArn);

    Page<AttachedPolicy> listAttached(PolicyOwner owner, PageRequest page);

    /** Every attached policy of the owner, for evaluation. */
    List<AttachedPolicy> attachedPolicies(PolicyOwner owner);
}
