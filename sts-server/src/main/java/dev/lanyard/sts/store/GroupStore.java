package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.Group;
import dev.lanyard.sts.store.model.NewGroup;
import dev.lanyard.sts.store.model.User;

import java.util.Optional;

/** IAM groups and their membership. */
public interface GroupStore {
    Group create(String accountId, NewGroup group);

    Optional<Group> get(String accountId, String groupName);

    Optional<Group> getById(String groupId);

    Optional<Group> getByArn(String arn);

    Page<Group> list(String accountId, String pathPrefix, PageRequest page);

    /** UpdateGroup: writes the name and path of {@code changed} (found by its id), checking its row version. */
    Group update(Group changed);

    /** Deletes a group with no members and no policies ({@code DeleteConflict} otherwise). */
    void delete(String accountId, String groupName);

    /** Adds a user to a group (idempotent); {@code LimitExceeded} beyond {@link IamLimits#GROUPS_PER_USER}. */
    void addUser(String accountId, String groupName, String userName);

    void removeUser(String accountId, String groupName, String userName);

    Page<User> members(String accountId, String groupName, PageRequest page);

    Page<Group> groupsForUser(String accountId, String userName, PageRequest page);
}
