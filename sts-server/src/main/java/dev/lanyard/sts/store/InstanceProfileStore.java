package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.InstanceProfile;
import dev.lanyard.sts.store.model.NewInstanceProfile;
import dev.lanyard.sts.store.model.Tag;

import java.util.List;
import java.util.Optional;

/** Instance profiles, each holding at most one role. */
public interface InstanceProfileStore {
    InstanceProfile create(String accountId, NewInstanceProfile profile);

    Optional<InstanceProfile> get(String accountId, String profileName);

    Optional<InstanceProfile> getByArn(String arn);

    Page<InstanceProfile> list(String accountId, String pathPrefix, PageRequest page);

    List<InstanceProfile> listForRole(String accountId, String roleName);

    /** Deletes a profile with no role ({@code DeleteConflict} otherwise). */
    void delete(String accountId, String profileName);

    /** {@code LimitExceeded} when the profile already holds a role. */
    InstanceProfile addRole(String accountId, String profileName, String roleName);

    InstanceProfile removeRole(String accountId, String profileName, String roleName);

    void tag(String accountId, String profileName, List<Tag> tags);

    void untag(String accountId, String profileName, List<String> tagKeys);
}
