package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.ManagedPolicy;
import dev.lanyard.sts.store.model.ManagedPolicyVersion;
import dev.lanyard.sts.store.model.NewManagedPolicy;
import dev.lanyard.sts.store.model.PolicyOwner;
import dev.lanyard.sts.store.model.Tag;

import java.util.List;
import java.util.Optional;

/** Customer managed policies and their versions (at most {@link IamLimits#POLICY_VERSIONS}, one default). */
public interface ManagedPolicyStore {
    ManagedPolicy create(String accountId, NewManagedPolicy policy);

    Optional<ManagedPolicy> get(String policyArn);

    Optional<ManagedPolicy> getById(String policyId);

    Page<ManagedPolicy> list(String accountId, String pathPrefix, boolean onlyAttached, PageRequest page);

    /** Deletes a policy that is attached nowhere and is no one's boundary ({@code DeleteConflict} otherwise). */
    void delete(String policyArn);

    /** CreatePolicyVersion: a new version {@code vN}, optionally made the default. */
    ManagedPolicyVersion createVersion(String policyArn, String document, boolean setAsDefault);

    Optional<ManagedPolicyVersion> getVersion(String policyArn, String versionId);

    /** The default version's document. */
    Optional<ManagedPolicyVersion> defaultVersion(String policyArn);

    /** All versions, newest first. */
    List<ManagedPolicyVersion> listVersions(String policyArn);

    ManagedPolicy setDefaultVersion(String policyArn, String versionId);

    /** Deletes a non-default version ({@code DeleteConflict} for the default). */
    void deleteVersion(String policyArn, String versionId);

    /** ListEntitiesForPolicy: the users, groups and roles the policy is attached to. */
    List<PolicyOwner> entitiesFor(String policyArn);

    void tag(String policyArn, List<Tag> tags);

    void untag(String policyArn, List<String> tagKeys);
}
