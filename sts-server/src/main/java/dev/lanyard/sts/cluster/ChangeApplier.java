package dev.lanyard.sts.cluster;

import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.Change;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamStore;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Applies the store's change log up to a version on this node: reads the changes it has not seen,
 * reloads the key rings when a signing or data key changed (or when the log has a gap, to be safe),
 * then advances the {@link StoreVersionTracker} so that every versioned cache recomputes. One
 * caller at a time; it remembers the last version it read, independently of the tracker (which a
 * local write may move ahead).
 */
final class ChangeApplier {
  static final int PAGE = 1_000;

  private final IamStore store;
  private final StoreVersionTracker versions;
  private final Runnable reloadKeys;
  private final LongConsumer applied;
  private long scanned;

  /**
   * @param scannedUpTo the version whose effects this node already holds (its key rings were
   *     loaded at or after it)
   * @param applied told the applied version after each catch-up (metrics)
   */
  ChangeApplier(IamStore store, StoreVersionTracker versions, Runnable reloadKeys, LongConsumer applied,
      long scannedUpTo) {
    this.store = Objects.requireNonNull(store, "store");
    this.versions = Objects.requireNonNull(versions, "versions");
    this.reloadKeys = Objects.requireNonNull(reloadKeys, "reloadKeys");
    this.applied = Objects.requireNonNull(applied, "applied");
    this.scanned = scannedUpTo;
  }

  /**
   * Applies every change up to at least {@code target}; returns the version now applied.
   *
   * @throws RuntimeException what the store throws ({@code ServiceUnavailable} when unreachable);
   *     nothing is applied past the last page read
   */
  synchronized long catchUpTo(long target) {
    if (target > scanned) {
      boolean keysChanged = false;
      long last = scanned;
      while (true) {
        List<Change> page = store.changesSince(last, PAGE);
        for (Change c : page) {
          keysChanged |= c.version() != last + 1 || isKey(c.kind());
          last = c.version();
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      if (last < target) {
        keysChanged = true; // the log holds less than the version promised: reload to be safe
        last = target;
      }
      if (keysChanged) {
        reloadKeys.run();
      }
      scanned = last;
    }
    long now = versions.advanceTo(scanned);
    applied.accept(now);
    return now;
  }

  /** The last version read from the change log. */
  synchronized long scanned() {
    return scanned;
  }

  private static boolean isKey(EntityKind kind) {
    return kind == EntityKind.SIGNING_KEY || kind == EntityKind.DATA_KEY;
  }
}
