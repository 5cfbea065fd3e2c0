package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An instance profile holding at most one role ({@code roleName}/{@code roleArn} {@code null} when empty). */
public record InstanceProfile(String accountId, String id, String name, String path, String arn, Instant createDate,
                              String roleName, String roleArn, List<Tag> tags) implements IamEntity {
    public InstanceProfile {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(createDate, "createDate");
        tags = List.copyOf(tags);
    }
}
