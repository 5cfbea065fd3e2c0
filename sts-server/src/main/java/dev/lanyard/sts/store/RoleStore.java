package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.NewRole;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** IAM roles. Names are unique per account regardless of case. */
public interface RoleStore {
    Role create(String accountId, NewRole role);

    Optional<Role> get(String accountId, String roleName);

    Optional<Role> getById(String roleId);

    Optional<Role> getByArn(String arn);

    Page<Role> list(String accountId, String pathPrefix, PageRequest page);

    /**
     * UpdateRole / UpdateAssumeRolePolicy / UpdateRoleDescription: writes the trust policy, description
     * and maximum session duration of {@code changed}, checking its row version.
     */
    Role update(Role changed);

    /** Deletes a role with no policies and in no instance profile ({@code DeleteConflict} otherwise). */
    void delete(String accountId, String roleName);

    /**
     * Sets ({@code policyArn} non-null) or removes the permissions boundary: a customer managed policy
     * or an AWS managed policy the server ships ({@code NoSuchEntity} otherwise).
     */
    Role setPermissionsBoundary(String accountId, String roleName, String policyArn);

    /** Sessions of this role issued before {@code before} are revoked. */
    Role revokeSessions(String accountId, String roleName, Instant before);

    void tag(String accountId, String roleName, List<Tag> tags);

    void untag(String accountId, String roleName, List<String> tagKeys);
}
