package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/** A long-term access key's metadata (never its secret). {@code lastUsed} is {@code null} until first use. */
public record AccessKey(String accountId, String userName, String userId, String accessKeyId, AccessKeyStatus status,
                        Instant createDate, AccessKeyLastUsed lastUsed) {
    public AccessKey {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
    }
}
