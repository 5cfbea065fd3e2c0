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
     * AWS managed ARNs ({@code arn:<partition>:iam::aws:policy/...}) are accepted as they are.
     * Idempotent; {@code LimitExceeded} beyond {@link IamLimits#ATTACHED_POLICIES}.
     */
    void attach(PolicyOwner owner, String policyArn);

    void detach(PolicyOwner owner, String policyArn);

    Page<AttachedPolicy> listAttached(PolicyOwner owner, PageRequest page);

    /** Every attached policy of the owner, for evaluation. */
    List<AttachedPolicy> attachedPolicies(PolicyOwner owner);
}
