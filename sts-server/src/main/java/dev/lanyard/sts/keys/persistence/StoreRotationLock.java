package dev.lanyard.sts.keys.persistence;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.keys.RotationLock;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The key-rotation lock for a JDBC store. On PostgreSQL, where several nodes share the database, it
 * is a session-level {@code pg_advisory_lock} on {@link #ADVISORY_LOCK_KEY}, taken on a dedicated
 * connection that is held until {@link Held#close()} unlocks and closes it (if the node dies, the
 * session ends and PostgreSQL releases the lock). On embedded H2 (one process) it is this JVM's
 * {@link RotationLock#inProcess()} lock, shared by every instance.
 */
public final class StoreRotationLock implements RotationLock {
    /** The advisory lock key: the ASCII bytes of "LANYROTA" as a bigint. */
    public static final long ADVISORY_LOCK_KEY = 0x4C414E59524F5441L;

    private static final RotationLock IN_PROCESS = RotationLock.inProcess();

    private final JdbcIamStore store;

    public StoreRotationLock(JdbcIamStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Blocks until this node holds the lock.
     *
     * @throws LanyardException {@code ServiceUnavailable} when the database cannot be reached
     */
    @Override
    public Held acquire() {
        if (!store.isPostgres()) {
            return IN_PROCESS.acquire();
        }
        Connection session = store.openDedicatedConnection();
        try {
            run(session, "SELECT pg_advisory_lock(?)");
        } catch (SQLException | RuntimeException e) {
            closeQuietly(session, e);
            throw failure("acquire", e);
        }
        return () -> release(session);
    }

    private static void release(Connection session) {
        try (session) {
            run(session, "SELECT pg_advisory_unlock(?)");
        } catch (SQLException e) {
            // Closing the session (done by try-with-resources) releases a session-level lock anyway.
            throw failure("release", e);
        }
    }

    private static void run(Connection session, String sql) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(sql)) {
            ps.setLong(1, ADVISORY_LOCK_KEY);
            ps.executeQuery().close();
        }
    }

    private static void closeQuietly(Connection session, Exception failure) {
        try {
            session.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static RuntimeException failure(String what, Exception e) {
        if (e instanceof LanyardException lanyard) {
            return lanyard;
        }
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "unknown";
        return new LanyardException(AwsErrorCode.ServiceUnavailable, "the key rotation lock could not " + what
                + " its PostgreSQL advisory lock (SQL state " + state + "); retry later", true, e);
    }
}
