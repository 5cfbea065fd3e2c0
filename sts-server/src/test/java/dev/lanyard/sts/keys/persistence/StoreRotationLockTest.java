package dev.lanyard.sts.keys.persistence;

import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.keys.RotationLock;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rotation lock excludes a second holder until the first releases: on PostgreSQL at
 * {@code LANYARD_TEST_PG_URL} (default a local trust-auth server; skipped when unreachable unless
 * {@code CI=true}) across two store instances, as two nodes would be; on embedded H2 within the process.
 */
class StoreRotationLockTest {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final long WAIT_MILLIS = 400;

    @TempDir
    Path dataDir;

    private final String url = System.getenv().getOrDefault("LANYARD_TEST_PG_URL", DEFAULT_URL);
    private final String schema = "lanyard_lock_" + randomSuffix();
    private final KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom());
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private JdbcIamStore first;
    private JdbcIamStore second;

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @AfterEach
    void tearDown() throws SQLException {
        threads.shutdownNow();
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null && first.isPostgres()) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private JdbcIamStore open(JdbcStoreConfig config) {
        return JdbcIamStore.open(config, new SecretSealer(kek, new SecureRandom()), Clock.systemUTC(), new SecureRandom());
    }

    private JdbcStoreConfig postgres() {
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL at LANYARD_TEST_PG_URL is required in CI but unreachable: " + e.getSQLState());
            }
            Assumptions.abort("PostgreSQL is unreachable (" + e.getSQLState() + "); set LANYARD_TEST_PG_URL to run this test");
        }
        return JdbcStoreConfig.of(url).withSchema(schema).withMaxPoolSize(2);
    }

    @Test
    void onPostgresASecondNodeWaitsUntilTheFirstReleases() throws Exception {
        first = open(postgres());
        second = open(postgres());
        assertTrue(first.isPostgres());
        assertSecondWaitsForFirst(new StoreRotationLock(first), new StoreRotationLock(second));
        assertEquals(0, advisoryLocksHeld(), "released locks leave nothing behind");
    }

    @Test
    void onPostgresTheLockIsASessionAdvisoryLockOnTheFixedKey() throws Exception {
        first = open(postgres());
        RotationLock.Held held = new StoreRotationLock(first).acquire();
        try {
            assertEquals(1, advisoryLocksHeld());
        } finally {
            held.close();
        }
        assertEquals(0, advisoryLocksHeld());
    }

    @Test
    void onH2TheLockIsHeldWithinTheProcess() throws Exception {
        first = open(JdbcStoreConfig.embedded(dataDir));
        assertFalse(first.isPostgres());
        assertSecondWaitsForFirst(new StoreRotationLock(first), new StoreRotationLock(first));
    }

    private void assertSecondWaitsForFirst(RotationLock a, RotationLock b) throws Exception {
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> {
            try (RotationLock.Held held = a.acquire()) {
                firstHolds.countDown();
                assertTrue(releaseFirst.await(30, TimeUnit.SECONDS));
            }
            return null;
        });
        assertTrue(firstHolds.await(10, TimeUnit.SECONDS), "the first acquirer got the lock");
        CountDownLatch secondHolds = new CountDownLatch(1);
        Future<?> waiter = threads.submit(() -> {
            try (RotationLock.Held held = b.acquire()) {
                secondHolds.countDown();
            }
            return null;
        });
        assertFalse(secondHolds.await(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the second acquirer waits while the first holds");
        assertThrows(TimeoutException.class, () -> waiter.get(10, TimeUnit.MILLISECONDS));
        releaseFirst.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertTrue(secondHolds.await(10, TimeUnit.SECONDS), "the second acquirer gets the lock once the first releases");
        waiter.get(10, TimeUnit.SECONDS);
    }

    /** Granted advisory locks on {@link StoreRotationLock#ADVISORY_LOCK_KEY} in this database. */
    private long advisoryLocksHeld() throws SQLException {
        long key = StoreRotationLock.ADVISORY_LOCK_KEY;
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                     + " AND classid = ? AND objid = ? AND objsubid = 1")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
