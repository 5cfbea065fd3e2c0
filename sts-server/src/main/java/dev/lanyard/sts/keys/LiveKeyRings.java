package dev.lanyard.sts.keys;

import java.util.Objects;

/**
 * The key rings this node uses now. {@link #reload()} reads the repository, builds new immutable
 * rings and swaps one volatile reference; readers always see a whole snapshot. When a reload fails
 * the last good rings stay in place.
 *
 * <p>Every node must reload well within the publication lead time of {@link RotationPolicy}, so
 * that a NEXT key reaches every node before any node signs with it.
 */
public final class LiveKeyRings {
  private final KeyRingRepository repository;
  private volatile KeyRings current = KeyRings.empty();

  /** Rings backed by this repository; empty until the first {@link #reload()}. */
  public LiveKeyRings(KeyRingRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  /** The rings loaded last. */
  public KeyRings current() {
    return current;
  }

  /**
   * Loads the rings from the repository and makes them current.
   *
   * @return the new rings
   * @throws RuntimeException whatever the repository throws; the previous rings stay current
   */
  public KeyRings reload() {
    KeyRings loaded = new KeyRings(
        KeyRing.of(repository.signingKeys()), DataKeyRing.of(repository.dataKeys()));
    current = loaded;
    return loaded;
  }
}
