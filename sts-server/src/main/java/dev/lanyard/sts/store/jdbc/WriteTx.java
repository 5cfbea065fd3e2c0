package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;

import java.sql.Connection;
import java.time.Instant;

/** One write transaction: its connection, its time, and the change it records for the change log. */
final class WriteTx {
    /** The change a write transaction records, before it has a version. */
    record PendingChange(EntityKind kind, String accountId, String entityId, String entityName, ChangeOp op) {
    }

    private final Connection connection;
    private final Instant now;
    private PendingChange change;

    WriteTx(Connection connection, Instant now) {
        this.connection = connection;
        this.now = now;
    }

    Connection connection() {
        return connection;
    }

    /** The transaction's time (the store clock, millisecond precision). */
    Instant now() {
        return now;
    }

    /** Records what this transaction changed; the last call wins. */
    void changed(EntityKind kind, String accountId, String entityId, String entityName, ChangeOp op) {
        this.change = new PendingChange(kind, accountId, entityId, entityName, op);
    }

    PendingChange change() {
        return change;
    }
}
