package dev.lanyard.sts.store.model;

import java.util.List;

/**
 * Changes to one key ring: keys to add as given, lifecycles to overwrite (by id, in order) and ids to
 * remove (an id not stored is ignored).
 *
 * @param <K> {@link RingSigningKey} or {@link RingDataKey}
 */
public record RingChanges<K>(List<K> added, List<StoredKeyLifecycle> changed, List<String> removed) {
    public RingChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** No change. */
    public static <K> RingChanges<K> none() {
        return new RingChanges<>(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
