package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A host enrolled with a join token: its instance id, its instance profile, the public key it proves
 * possession of, and when it last refreshed credentials ({@code null} before the first refresh).
 */
public record HostInstance(String instanceId, String accountId, String instanceProfileName, String hostPublicKey,
                           Instant createDate, Instant lastRefresh, boolean revoked) {
    public HostInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(instanceProfileName, "instanceProfileName");
        Objects.requireNonNull(hostPublicKey, "hostPublicKey");
        Objects.requireNonNull(createDate, "createDate");
    }
}
