package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer managed policy (AWS managed policies are not stored). {@code description} is {@code null}
 * when unset. The documents live in {@link ManagedPolicyVersion}s.
 */
public record ManagedPolicy(String accountId, String id, String name, String path, String arn, String description,
                            String defaultVersionId, int attachmentCount, int permissionsBoundaryUsageCount,
                            Instant createDate, Instant updateDate, List<Tag> tags, long rowVersion) implements IamEntity {
    public ManagedPolicy {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(defaultVersionId, "defaultVersionId");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
        tags = List.copyOf(tags);
    }
}
