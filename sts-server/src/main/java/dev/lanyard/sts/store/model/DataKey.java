package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A data key (AES-256) for sealing session secrets inside tokens, by id. The key material is stored
 * sealed and read only through the store's explicit method. After {@code expiresAt} no token sealed
 * under it is valid, so it may be deleted; {@code expiresAt} is {@code null} for a key of the rotated
 * ring ({@link RingDataKey}), which rotation removes once it has been retired long enough.
 */
public record DataKey(String id, Instant createdAt, Instant expiresAt) {
    public DataKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
