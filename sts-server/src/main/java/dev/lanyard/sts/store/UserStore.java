package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.NewUser;
import dev.lanyard.sts.store.model.Tag;
import dev.lanyard.sts.store.model.User;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** IAM users. Names are unique per account regardless of case. */
public interface UserStore {
    User create(String accountId, NewUser user);

    Optional<User> get(String accountId, String userName);

    Optional<User> getById(String userId);

    Optional<User> getByArn(String arn);

    /** Users whose path starts with {@code pathPrefix} ({@code null} for all), in name order. */
    Page<User> list(String accountId, String pathPrefix, PageRequest page);

    /**
     * UpdateUser: writes the name and path of {@code changed} (found by its id). Fails with
     * {@code ConcurrentModification} unless {@code changed.rowVersion()} is the stored version.
     */
    User update(User changed);

    /** Deletes a user that has no access keys, groups, policies or MFA devices ({@code DeleteConflict} otherwise). */
    void delete(String accountId, String userName);

    /**
     * Sets ({@code policyArn} non-null) or removes the permissions boundary: a customer managed policy
     * or an AWS managed policy the server ships ({@code NoSuchEntity} otherwise).
     */
    User setPermissionsBoundary(String accountId, String userName, String policyArn);

    /** Sessions of this user issued before {@code before} are revoked. */
    User revokeSessions(String accountId, String userName, Instant before);

    /** Adds or replaces tags (keys case-insensitive). */
    void tag(String accountId, String userName, List<Tag> tags);

    void untag(String accountId, String userName, List<String> tagKeys);
}
