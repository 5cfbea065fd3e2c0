package dev.lanyard.sts.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the change log: the store version the write transaction produced, and the entity it
 * changed. {@code accountId} is {@code null} for entities outside accounts (signing and data keys).
 * {@code entityId} is stable (unique id, ARN, key id); {@code entityName} is the name after the change.
 */
public record Change(long version, EntityKind kind, String accountId, String entityId, String entityName, ChangeOp op,
                     Instant changedAt) {
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
