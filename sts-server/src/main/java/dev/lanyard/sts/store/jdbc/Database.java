package dev.lanyard.sts.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.Change;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

/**
 * The pooled database: runs migrations, reads, and write transactions. A logged write bumps the
 * single-row store version (its row lock orders commits, so versions appear in commit order without
 * gaps), appends one change-log row and, on PostgreSQL, notifies channel {@value #CHANNEL}.
 */
final class Database implements AutoCloseable {
    static final String CHANNEL = "lanyard_changes";

    /** Work inside a transaction. */
    @FunctionalInterface
    interface TxWork<T> {
        T run(WriteTx tx) throws SQLException;
    }

    /** Work on a connection in auto-commit mode. */
    @FunctionalInterface
    interface ReadWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final JdbcStoreConfig config;
    private final Clock clock;

    private Database(HikariDataSource pool, JdbcStoreConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    static Database open(JdbcStoreConfig config, Clock clock) {
        migrate(config);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.urlWithoutPassword());
        if (config.password() != null) {
            hikari.setPassword(config.password());
        }
        hikari.setSchema(config.schema());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setPoolName("lanyard-store");
        hikari.setAutoCommit(true);
        hikari.setConnectionTimeout(2_000); // fail fast (ServiceUnavailable) while the database is unreachable
        hikari.setInitializationFailTimeout(-1);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new Database(new HikariDataSource(hikari), config, clock);
    }

    private static void migrate(JdbcStoreConfig config) {
        try {
            Flyway.configure()
                    .dataSource(config.urlWithoutPassword(), null, config.password())
                    .schemas(config.schema())
                    .defaultSchema(config.schema())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException sql) {
                throw SqlFailures.translate(sql);
            }
            throw new LanyardException(dev.lanyard.sts.error.AwsErrorCode.ServiceFailure,
                    "the IAM store schema could not be migrated: " + e.getClass().getSimpleName(), false, e);
        }
    }

    /** The store clock's current instant at millisecond precision (what is stored). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    boolean postgres() {
        return config.isPostgres();
    }

    /**
     * A new connection outside the pool, for session-scoped state such as a PostgreSQL advisory lock:
     * closing it ends the database session, which releases that state whatever happened before.
     */
    Connection openSession() {
        Properties properties = new Properties();
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        try {
            return DriverManager.getConnection(config.urlWithoutPassword(), properties);
        } catch (SQLException e) {
            throw SqlFailures.translate(e);
        }
    }

    javax.sql.DataSource dataSource() {
        return pool;
    }

    <T> T read(ReadWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw SqlFailures.translate(e);
        }
    }

    /** Statements that each commit on their own (auto-commit), for writes that must not share a transaction. */
    <T> T autoCommit(ReadWork<T> work) {
        return read(work);
    }

    /** A transaction whose recorded change (if any) is appended to the change log. */
    <T> T write(TxWork<T> work) {
        return transaction(work, true);
    }

    /** A transaction that is not logged (last-used dates, refresh times, replay records). */
    <T> T writeUnlogged(TxWork<T> work) {
        return transaction(work, false);
    }

    private <T> T transaction(TxWork<T> work, boolean logged) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                WriteTx tx = new WriteTx(c, now());
                T result = work.run(tx);
                if (logged && tx.change() != null) {
                    append(tx);
                }
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(e);
        }
    }

    private void append(WriteTx tx) throws SQLException {
        Connection c = tx.connection();
        Sql.update(c, "UPDATE store_version SET version = version + 1 WHERE id = 1");
        long version = Sql.count(c, "SELECT version FROM store_version WHERE id = 1");
        WriteTx.PendingChange change = tx.change();
        Sql.update(c, "INSERT INTO change_log (version, entity_kind, account_id, entity_id, entity_name, op, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                version, change.kind().name(), change.accountId(), change.entityId(), change.entityName(),
                change.op().name(), tx.now());
        if (config.isPostgres()) {
            Sql.list(c, "SELECT pg_notify(?, ?)", rs -> null, CHANNEL, Long.toString(version));
        }
    }

    long currentVersion() {
        return read(c -> Sql.count(c, "SELECT version FROM store_version WHERE id = 1"));
    }

    List<Change> changesSince(long version, int limit) {
        int rows = Math.max(1, Math.min(limit, 10_000));
        return read(c -> Sql.list(c,
                "SELECT version, entity_kind, account_id, entity_id, entity_name, op, changed_at FROM change_log"
                        + " WHERE version > ? ORDER BY version FETCH FIRST " + rows + " ROWS ONLY",
                rs -> new Change(rs.getLong("version"), EntityKind.valueOf(rs.getString("entity_kind")),
                        rs.getString("account_id"), rs.getString("entity_id"), rs.getString("entity_name"),
                        ChangeOp.valueOf(rs.getString("op")), Sql.instant(rs, "changed_at")),
                version));
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
