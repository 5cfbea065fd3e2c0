package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/** An IAM group. {@code rowVersion} is the optimistic-concurrency version an {@code update} must present. */
public record Group(String accountId, String id, String name, String path, String arn, Instant createDate, long rowVersion)
        implements IamEntity {
    public Group {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** This group renamed (the ARN is recomputed by the store). */
    public Group withName(String newName) {
        return new Group(accountId, id, newName, path, arn, createDate, rowVersion);
    }

    /** This group with another path. */
    public Group withPath(String newPath) {
        return new Group(accountId, id, name, newPath, arn, createDate, rowVersion);
    }
}
