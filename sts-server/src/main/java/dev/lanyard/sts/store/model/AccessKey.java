package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A long-term access key's metadata (never its secret). {@code lastUsed} is {@code null} until first use.
 * A key of the account root ({@code arn:PARTITION:iam::ACCOUNT:root}) has no IAM user: its
 * {@code userName} and {@code userId} are both {@code null} ({@link #root()}).
 */
public record AccessKey(String accountId, String userName, String userId, String accessKeyId, AccessKeyStatus status,
                        Instant createDate, AccessKeyLastUsed lastUsed) {
    public AccessKey {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
        if ((userName == null) != (userId == null)) {
            throw new IllegalArgumentException("access key " + accessKeyId
                    + ": userName and userId must both be set (a user's key) or both be null (the account root's key)");
        }
    }

    /** Whether this key belongs to the account root rather than to an IAM user. */
    public boolean root() {
        return userName == null;
    }
}
