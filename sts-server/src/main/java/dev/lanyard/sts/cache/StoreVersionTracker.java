package dev.lanyard.sts.cache;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The store version this node has applied, kept in memory so the hot path never asks the database.
 * Caches of store-derived values ({@link VersionedCache}) are valid while this version stands.
 * {@link #refresh()} reads the store (after a local write, so the writer sees its change at once, and
 * from a background poll or a change notification for other nodes' writes). Never goes backwards.
 */
public final class StoreVersionTracker {
  private final LongSupplier storeVersion;
  private final AtomicLong applied = new AtomicLong(-1);

  public StoreVersionTracker(LongSupplier storeVersion) {
    this.storeVersion = storeVersion;
  }

  /** The applied version (cheap: one volatile read). */
  public long current() {
    long v = applied.get();
    return v < 0 ? refresh() : v;
  }

  /** Reads the store's version and applies it if newer; returns the applied version. */
  public long refresh() {
    return advanceTo(storeVersion.getAsLong());
  }

  /** Applies {@code version} if it is newer (e.g. from a change notification). */
  public long advanceTo(long version) {
    return applied.accumulateAndGet(version, Math::max);
  }
}
