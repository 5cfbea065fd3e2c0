package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time host join token, stored only as the hash of the token text. {@code usedAt} and
 * {@code instanceId} are {@code null} until it is used.
 */
public record JoinToken(String tokenHash, String accountId, String instanceProfileName, Instant createDate,
                        Instant expiresAt, boolean used, Instant usedAt, String instanceId) {
    public JoinToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(instanceProfileName, "instanceProfileName");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
