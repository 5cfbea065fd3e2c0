package dev.lanyard.sts.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.metrics.ServerMetrics;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.store.model.NewUser;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follower on PostgreSQL (NOTIFY with the poll disabled, reconnection through a cut proxy) and
 * on H2 (the poll alone).
 */
class ChangeFollowerTest {
  private static final Duration NO_POLL = Duration.ofHours(1);

  @TempDir Path dataDir;
  private final SecureRandom random = new SecureRandom();
  private final KeyEncryptionKey kek = KeyEncryptionKey.generate(random);
  private final StoreReachability reachability = new StoreReachability(new ServerMetrics("f").registry(), "f");
  private PostgresTestDatabase db;
  private TcpProxy proxy;
  private JdbcIamStore writer;
  private JdbcIamStore follower;
  private ChangeFollower following;

  private JdbcIamStore open(JdbcStoreConfig config) {
    return JdbcIamStore.open(config, new SecretSealer(kek, random), Clock.systemUTC(), random);
  }

  @BeforeEach
  void clean() {
    following = null;
  }

  @AfterEach
  void close() {
    if (following != null) {
      following.close();
    }
    for (AutoCloseable c : new AutoCloseable[] {follower, writer, proxy, db}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // best effort
      }
    }
  }

  private StoreVersionTracker follow(JdbcIamStore store, Duration poll) {
    StoreVersionTracker versions = new StoreVersionTracker(() -> -1);
    versions.advanceTo(store.currentVersion());
    following = ChangeFollower.start(store, versions, () -> {}, v -> {}, reachability, "f",
        store.currentVersion(), poll, random);
    return versions;
  }

  private void openPostgres() throws Exception {
    db = PostgresTestDatabase.create();
    proxy = new TcpProxy(db.host(), db.port());
    writer = open(JdbcStoreConfig.of(db.url()));
    follower = open(JdbcStoreConfig.of(db.urlVia("127.0.0.1", proxy.port())).withMaxPoolSize(2));
  }

  private static void awaitVersion(StoreVersionTracker versions, long version, long millis) {
    ClusterFixture.millisUntil(System.nanoTime(), millis, () -> versions.current() >= version);
  }

  @Test
  void aNotificationAppliesAChangeWithoutThePoll() throws Exception {
    openPostgres();
    StoreVersionTracker versions = follow(follower, NO_POLL);
    Thread.sleep(300); // the listener connects
    String account = writer.accounts().create(null).id();
    writer.users().create(account, NewUser.named("notified"));
    awaitVersion(versions, writer.currentVersion(), 2_000);
    assertEquals(writer.currentVersion(), following.appliedVersion());
  }

  @Test
  void theListenerReconnectsAfterTheConnectionIsCutAndCatchesUp() throws Exception {
    openPostgres();
    StoreVersionTracker versions = follow(follower, NO_POLL);
    Thread.sleep(300);
    proxy.cut();
    String account = writer.accounts().create(null).id();
    writer.users().create(account, NewUser.named("while-cut"));
    Thread.sleep(300);
    assertTrue(versions.current() < writer.currentVersion(), "nothing arrives while cut");
    proxy.restore();
    awaitVersion(versions, writer.currentVersion(), 10_000);
    writer.users().create(account, NewUser.named("after"));
    awaitVersion(versions, writer.currentVersion(), 2_000);
  }

  @Test
  void theProbeReportsAnUnreachableStoreAndItsReturn() throws Exception {
    openPostgres();
    follow(follower, NO_POLL);
    following.pollNow();
    assertTrue(reachability.reachable());
    proxy.cut();
    LanyardException e = assertThrows(LanyardException.class, following::pollNow);
    assertEquals("ServiceUnavailable", e.code().name());
    assertTrue(!reachability.reachable());
    proxy.restore();
    ClusterFixture.millisUntil(System.nanoTime(), 10_000, () -> {
      try {
        following.pollNow();
        return true;
      } catch (LanyardException again) {
        return false;
      }
    });
    assertTrue(reachability.reachable());
  }

  @Test
  void onTheEmbeddedStoreThePollAloneAppliesChanges() {
    follower = open(JdbcStoreConfig.embedded(dataDir));
    AtomicLong applied = new AtomicLong();
    StoreVersionTracker versions = new StoreVersionTracker(() -> -1);
    versions.advanceTo(follower.currentVersion());
    following = ChangeFollower.start(follower, versions, () -> {}, applied::set, reachability, "f",
        follower.currentVersion(), Duration.ofMillis(50), random);
    String account = follower.accounts().create(null).id();
    follower.users().create(account, NewUser.named("polled"));
    awaitVersion(versions, follower.currentVersion(), 2_000);
    ClusterFixture.millisUntil(System.nanoTime(), 2_000, () -> applied.get() == follower.currentVersion());
  }
}
