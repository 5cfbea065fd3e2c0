package dev.lanyard.sts.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyRotationJobTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryKeyRingRepository repository = new InMemoryKeyRingRepository();
  private final RotationLock lock = RotationLock.inProcess();
  private final AtomicLong seeds = new AtomicLong(42);

  private KeyRotationJob job(LiveKeyRings rings, KeyRingRepository repo, KeyAlgorithm algorithm) {
    return new KeyRotationJob(repo, lock, rings, RotationPolicy.DEFAULT, algorithm, clock,
        TestRandom.seeded(seeds.getAndIncrement()));
  }

  @Test
  void firstRunCreatesAnActiveAndANextKeyInBothRingsAndLoadsThem() {
    LiveKeyRings rings = new LiveKeyRings(repository);
    KeyRingChanges changes = job(rings, repository, KeyAlgorithm.ED25519).runOnce();

    assertEquals(2, changes.signing().added().size());
    assertEquals(2, changes.data().added().size());
    KeyRings loaded = rings.current();
    assertEquals(KeyState.ACTIVE, loaded.signing().activeKey().state());
    assertEquals(KeyAlgorithm.ED25519, loaded.signing().activeKey().algorithm());
    assertEquals(1, loaded.signing().keys().stream().filter(k -> k.state() == KeyState.NEXT).count());
    assertEquals(KeyState.ACTIVE, loaded.data().activeKey().state());
    assertEquals(2, loaded.data().keys().size());

    assertTrue(job(rings, repository, KeyAlgorithm.ED25519).runOnce().isEmpty(),
        "a second run at the same instant has nothing to do");
  }

  @Test
  void overSimulatedDaysEveryKeyIsPublishedForTheLeadBeforeItSigns() {
    LiveKeyRings rings = new LiveKeyRings(repository);
    KeyRotationJob job = job(rings, repository, KeyAlgorithm.ED25519);
    job.runOnce();
    String firstKid = rings.current().signing().activeKey().kid();
    String firstDataKey = rings.current().data().activeKey().id();
    Map<String, Instant> firstSeen = new HashMap<>();
    Map<String, Instant> activeFrom = new HashMap<>();
    int rotations = 0;

    for (int hour = 1; hour <= 24 * 6; hour++) {
      clock.advance(Duration.ofHours(1));
      rotations += job.runOnce().signing().added().size();
      KeyRings now = rings.current();
      for (SigningKey key : now.signing().keys()) {
        firstSeen.putIfAbsent(key.kid(), clock.instant());
        if (key.state() == KeyState.ACTIVE) {
          activeFrom.putIfAbsent(key.kid(), clock.instant());
        }
      }
      for (DataKey key : now.data().keys()) {
        firstSeen.putIfAbsent(key.id(), clock.instant());
        if (key.state() == KeyState.ACTIVE) {
          activeFrom.putIfAbsent(key.id(), clock.instant());
        }
      }
      assertEquals(1, now.signing().keys().stream().filter(k -> k.state() == KeyState.ACTIVE).count());
      assertEquals(1, now.signing().keys().stream().filter(k -> k.state() == KeyState.NEXT).count());
      assertTrue(now.signing().keys().size() <= 4, "retired keys are removed: " + now.signing());
    }

    assertEquals(6, rotations, "one new key a day");
    activeFrom.forEach((id, activated) -> {
      if (!id.equals(firstKid) && !id.equals(firstDataKey)) {
        assertFalse(firstSeen.get(id).plus(Duration.ofHours(1)).isAfter(activated),
            id + " signed before it was published for the lead time");
        assertTrue(firstSeen.get(id).isBefore(activated), id + " was never published as NEXT");
      }
    });
    assertTrue(rings.current().signing().verificationKey(firstKid).isEmpty(),
        "the first key retired on day 1 and was removed 36 h later");
  }

  @Test
  void concurrentNodesRotateOnceBecauseTheLockSerializesThem() throws Exception {
    KeyRingRepository meeting = new MeetingRepository(repository);
    LiveKeyRings nodeA = new LiveKeyRings(meeting);
    LiveKeyRings nodeB = new LiveKeyRings(meeting);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<KeyRingChanges> a = pool.submit(() -> job(nodeA, meeting, KeyAlgorithm.ED25519).runOnce());
      Future<KeyRingChanges> b = pool.submit(() -> job(nodeB, meeting, KeyAlgorithm.ED25519).runOnce());
      int added = a.get(10, TimeUnit.SECONDS).signing().added().size()
          + b.get(10, TimeUnit.SECONDS).signing().added().size();
      assertEquals(2, added, "one node created the ACTIVE and NEXT keys, the other nothing");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, repository.signingKeys().size());
    assertEquals(2, repository.dataKeys().size());
    assertEquals(nodeA.current().signing().activeKey().kid(),
        nodeB.current().signing().activeKey().kid());
    assertEquals(nodeA.current().signing().jwks(), nodeB.current().signing().jwks());
  }

  @Test
  void changingTheAlgorithmRotatesTheRingToItOneKeyAtATime() {
    LiveKeyRings rings = new LiveKeyRings(repository);
    job(rings, repository, KeyAlgorithm.ED25519).runOnce();
    KeyRotationJob es256 = job(rings, repository, KeyAlgorithm.ES256);
    clock.advance(Duration.ofHours(24));
    es256.runOnce();
    assertEquals(KeyAlgorithm.ED25519, rings.current().signing().activeKey().algorithm(),
        "the waiting NEXT key was made before the change");
    clock.advance(Duration.ofHours(24));
    es256.runOnce();
    assertEquals(KeyAlgorithm.ES256, rings.current().signing().activeKey().algorithm());
  }

  @Test
  void aFailedReloadKeepsTheLastGoodRings() {
    LiveKeyRings rings = new LiveKeyRings(repository);
    job(rings, repository, KeyAlgorithm.ED25519).runOnce();
    KeyRings good = rings.current();
    LiveKeyRings failing = new LiveKeyRings(new MeetingRepository(repository) {
      @Override
      public List<SigningKey> signingKeys() {
        throw new IllegalStateException("store down");
      }
    });
    assertThrows(IllegalStateException.class, failing::reload);
    assertEquals(KeyRings.empty().signing().keys(), failing.current().signing().keys());
    assertSame(good, rings.current());
  }

  /**
   * Waits in signingKeys() for a second concurrent reader, up to a bound: without the lock both
   * nodes would read the empty ring and both create keys.
   */
  private static class MeetingRepository implements KeyRingRepository {
    private final KeyRingRepository delegate;
    private final CyclicBarrier barrier = new CyclicBarrier(2);

    MeetingRepository(KeyRingRepository delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<SigningKey> signingKeys() {
      try {
        barrier.await(300, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | BrokenBarrierException e) {
        // The other node did not read concurrently: what the lock should ensure.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.signingKeys();
    }

    @Override
    public List<DataKey> dataKeys() {
      return delegate.dataKeys();
    }

    @Override
    public void apply(KeyRingChanges changes) {
      delegate.apply(changes);
    }
  }
}
