package dev.lanyard.sts.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.crypto.KeyEncryptionKey;
import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyRotationJob;
import dev.lanyard.sts.keys.LiveKeyRings;
import dev.lanyard.sts.keys.RotationPolicy;
import dev.lanyard.sts.keys.persistence.StoreKeyRingRepository;
import dev.lanyard.sts.keys.persistence.StoreRotationLock;
import dev.lanyard.sts.store.jdbc.JdbcIamStore;
import dev.lanyard.sts.store.jdbc.JdbcStoreConfig;
import dev.lanyard.sts.store.model.NewUser;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change-log catch-up on the embedded store (the same code runs on PostgreSQL). */
class ChangeApplierTest {
  @TempDir Path dataDir;
  private final SecureRandom random = new SecureRandom();
  private JdbcIamStore store;
  private String account;

  @BeforeEach
  void open() {
    store = JdbcIamStore.open(JdbcStoreConfig.embedded(dataDir),
        new SecretSealer(KeyEncryptionKey.generate(random), random), Clock.systemUTC(), random);
    account = store.accounts().create(null).id();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void rotateKeys() {
    StoreKeyRingRepository repository = new StoreKeyRingRepository(store);
    new KeyRotationJob(repository, new StoreRotationLock(store), new LiveKeyRings(repository),
        RotationPolicy.DEFAULT, KeyAlgorithm.parse("Ed25519"), Clock.systemUTC(), random).runOnce();
  }

  @Test
  void entityChangesAdvanceTheTrackerWithoutReloadingKeys() {
    StoreVersionTracker versions = new StoreVersionTracker(() -> 0);
    AtomicInteger reloads = new AtomicInteger();
    List<Long> applied = new ArrayList<>();
    ChangeApplier applier = new ChangeApplier(store, versions, reloads::incrementAndGet, applied::add,
        store.currentVersion());
    store.users().create(account, NewUser.named("alice"));
    store.users().create(account, NewUser.named("bob"));
    long target = store.currentVersion();
    assertEquals(target, applier.catchUpTo(target));
    assertEquals(target, versions.current());
    assertEquals(target, applier.scanned());
    assertEquals(List.of(target), applied);
    assertEquals(0, reloads.get());
  }

  @Test
  void keyChangesReloadTheRingsOnceBeforeTheTrackerAdvances() {
    StoreVersionTracker versions = new StoreVersionTracker(() -> 0);
    List<Long> versionAtReload = new ArrayList<>();
    ChangeApplier applier = new ChangeApplier(store, versions,
        () -> versionAtReload.add(versions.current()), v -> {}, store.currentVersion());
    long start = store.currentVersion();
    versions.advanceTo(start);
    store.users().create(account, NewUser.named("carol"));
    rotateKeys();
    long target = store.currentVersion();
    applier.catchUpTo(target);
    assertEquals(List.of(start), versionAtReload, "one reload, before the new version is applied");
    assertEquals(target, versions.current());
    applier.catchUpTo(target);
    assertEquals(1, versionAtReload.size(), "nothing new: no reload");
  }

  @Test
  void aVersionTheLogDoesNotHoldReloadsTheKeysToBeSafe() {
    StoreVersionTracker versions = new StoreVersionTracker(() -> 0);
    AtomicInteger reloads = new AtomicInteger();
    ChangeApplier applier = new ChangeApplier(store, versions, reloads::incrementAndGet, v -> {},
        store.currentVersion());
    long beyond = store.currentVersion() + 5;
    assertEquals(beyond, applier.catchUpTo(beyond));
    assertEquals(1, reloads.get());
  }

  @Test
  void aLocalWriteThatMovedTheTrackerDoesNotHideAKeyChangeFromTheScan() {
    StoreVersionTracker versions = new StoreVersionTracker(store::currentVersion);
    AtomicInteger reloads = new AtomicInteger();
    ChangeApplier applier = new ChangeApplier(store, versions, reloads::incrementAndGet, v -> {},
        store.currentVersion());
    rotateKeys();
    store.users().create(account, NewUser.named("dave"));
    versions.refresh(); // the local write's refresh
    applier.catchUpTo(store.currentVersion());
    assertTrue(reloads.get() >= 1);
  }
}
