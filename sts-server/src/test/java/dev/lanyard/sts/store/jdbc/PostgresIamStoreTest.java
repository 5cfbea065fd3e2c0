package dev.lanyard.sts.store.jdbc;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import dev.lanyard.sts.store.model.NewUser;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The conformance suite on PostgreSQL at {@code LANYARD_TEST_PG_URL} (default a local trust-auth
 * server), in a schema of its own that is dropped afterwards. Skipped when PostgreSQL is unreachable,
 * unless {@code CI=true}, where that is a failure.
 */
class PostgresIamStoreTest extends IamStoreConformanceTest {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String url = System.getenv().getOrDefault("LANYARD_TEST_PG_URL", DEFAULT_URL);
    private final String schema = "lanyard_test_" + randomSuffix();

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    protected JdbcStoreConfig config() {
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL at LANYARD_TEST_PG_URL is required in CI but unreachable: " + e.getSQLState());
            }
            Assumptions.abort("PostgreSQL is unreachable (" + e.getSQLState() + "); set LANYARD_TEST_PG_URL to run this suite");
        }
        return JdbcStoreConfig.of(url).withSchema(schema).withMaxPoolSize(6);
    }

    @Override
    protected void cleanUp() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // unreachable: nothing was created
        }
    }

    @Test
    void everyLoggedWriteNotifiesTheChangeChannelWithItsVersion() throws SQLException {
        try (Connection listener = DriverManager.getConnection(url); Statement s = listener.createStatement()) {
            s.execute("LISTEN " + Database.CHANNEL);
            store.users().create(account, NewUser.named("notified"));
            long version = store.currentVersion();
            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(5000);
            assertNotNull(received);
            boolean found = false;
            for (PGNotification n : received) {
                found |= n.getParameter().equals(Long.toString(version));
            }
            assertEquals(true, found, "no notification carried version " + version);
        }
    }
}
