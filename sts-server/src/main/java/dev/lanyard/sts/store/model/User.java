package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM user. {@code permissionsBoundaryArn} and {@code tokensRevokedBefore} are {@code null} when
 * unset. {@code rowVersion} is the optimistic-concurrency version an {@code update} must present.
 */
public record User(String accountId, String id, String name, String path, String arn, Instant createDate,
                   List<Tag> tags, String permissionsBoundaryArn, Instant tokensRevokedBefore, long rowVersion)
        implements IamEntity {
    public User {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(createDate, "createDate");
        tags = List.copyOf(tags);
    }

    /** This user renamed (the ARN is recomputed by the store). */
    public User withName(String newName) {
        return new User(accountId, id, newName, path, arn, createDate, tags, permissionsBoundaryArn, tokensRevokedBefore, rowVersion);
    }

    /** This user with another path. */
    public User withPath(String newPath) {
        return new User(accountId, id, name, newPath, arn, createDate, tags, permissionsBoundaryArn, tokensRevokedBefore, rowVersion);
    }
}
