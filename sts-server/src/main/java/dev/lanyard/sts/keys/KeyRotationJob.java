package dev.lanyard.sts.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One rotation step for this node: under the cluster-wide {@link RotationLock}, read both rings
 * from the repository, ask {@link KeyRotator} what should change now, apply it, release, then
 * reload this node's {@link LiveKeyRings}. Every node runs it on a schedule (well within the
 * publication lead) and once at start-up before serving; whichever node holds the lock does the
 * work, and the others find nothing left to do and just reload.
 */
public final class KeyRotationJob {
  private final KeyRingRepository repository;
  private final RotationLock lock;
  private final LiveKeyRings rings;
  private final KeyRotator rotator;
  private final KeyAlgorithm algorithm;
  private final Clock clock;
  private final SecureRandom random;

  /**
   * @param algorithm the algorithm of signing keys this job creates; changing it rotates the ring
   *     to the new algorithm one key at a time
   */
  public KeyRotationJob(
      KeyRingRepository repository,
      RotationLock lock,
      LiveKeyRings rings,
      RotationPolicy policy,
      KeyAlgorithm algorithm,
      Clock clock,
      SecureRandom random) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.lock = Objects.requireNonNull(lock, "lock");
    this.rings = Objects.requireNonNull(rings, "rings");
    this.rotator = new KeyRotator(policy);
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Rotates if anything is due, then reloads this node's rings.
   *
   * @return the changes this node applied (empty when none were due or another node made them)
   */
  public KeyRingChanges runOnce() {
    KeyRingChanges changes;
    RotationLock.Held held = lock.acquire();
    try {
      Instant now = clock.instant();
      List<SigningKey> signingKeys = repository.signingKeys();
      List<DataKey> dataKeys = repository.dataKeys();
      List<KeyLifecycle> signing = signingKeys.stream().map(SigningKey::lifecycle).toList();
      List<KeyLifecycle> data = dataKeys.stream().map(DataKey::lifecycle).toList();
      changes = new KeyRingChanges(
          changes(rotator.plan(signing, now), signing, now,
              () -> SigningKey.generate(algorithm, now, random), SigningKey::withLifecycle,
              SigningKey::lifecycle),
          changes(rotator.plan(data, now), data, now,
              () -> DataKey.generate(now, random), DataKey::withLifecycle, DataKey::lifecycle));
      if (!changes.isEmpty()) {
        repository.apply(changes);
      }
    } finally {
      held.close();
    }
    rings.reload();
    return changes;
  }

  private static <K> KeyChanges<K> changes(
      RotationPlan plan,
      List<KeyLifecycle> current,
      Instant now,
      Supplier<K> newKey,
      BiFunction<K, KeyLifecycle, K> withLifecycle,
      Function<K, KeyLifecycle> lifecycleOf) {
    if (plan.isEmpty()) {
      return KeyChanges.none();
    }
    List<K> added = new ArrayList<>();
    if (plan.createActive()) {
      K key = newKey.get();
      added.add(withLifecycle.apply(key, lifecycleOf.apply(key).activated(now)));
    }
    if (plan.createNext()) {
      added.add(newKey.get());
    }
    List<KeyLifecycle> changed = new ArrayList<>();
    for (String id : plan.promote()) {
      changed.add(find(current, id).activated(now));
    }
    for (String id : plan.retire()) {
      changed.add(find(current, id).retired(now));
    }
    return new KeyChanges<>(added, changed, plan.remove());
  }

  private static KeyLifecycle find(List<KeyLifecycle> keys, String id) {
    return keys.stream().filter(k -> k.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("key " + id + ": planned but not loaded"));
  }
}
