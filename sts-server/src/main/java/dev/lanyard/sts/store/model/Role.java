package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM role. {@code description}, {@code permissionsBoundaryArn} and {@code tokensRevokedBefore} are
 * {@code null} when unset; {@code maxSessionDuration} is in seconds (3600-43200).
 * {@code rowVersion} is the optimistic-concurrency version an {@code update} must present.
 */
public record Role(String accountId, String id, String name, String path, String arn, Instant createDate,
                   String trustPolicy, String description, int maxSessionDuration, List<Tag> tags,
                   String permissionsBoundaryArn, Instant tokensRevokedBefore, long rowVersion) implements IamEntity {
    public Role {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        tags = List.copyOf(tags);
    }

    /** This role with another trust policy document. */
    public Role withTrustPolicy(String document) {
        return new Role(accountId, id, name, path, arn, createDate, document, description, maxSessionDuration, tags,
                permissionsBoundaryArn, tokensRevokedBefore, rowVersion);
    }

    /** This role with another description ({@code null} clears it). */
    public Role withDescription(String newDescription) {
        return new Role(accountId, id, name, path, arn, createDate, trustPolicy, newDescription, maxSessionDuration, tags,
                permissionsBoundaryArn, tokensRevokedBefore, rowVersion);
    }

    /** This role with another maximum session duration in seconds. */
    public Role withMaxSessionDuration(int seconds) {
        return new Role(accountId, id, name, path, arn, createDate, trustPolicy, description, seconds, tags,
                permissionsBoundaryArn, tokensRevokedBefore, rowVersion);
    }
}
