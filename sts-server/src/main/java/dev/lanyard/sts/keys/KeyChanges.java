package dev.lanyard.sts.keys;

import java.util.List;

/**
 * Changes to one ring: keys to add, lifecycles to overwrite (by id, in order) and ids to remove.
 *
 * @param <K> {@link SigningKey} or {@link DataKey}
 */
public record KeyChanges<K>(List<K> added, List<KeyLifecycle> changed, List<String> removed) {
  public KeyChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /** No change. */
  public static <K> KeyChanges<K> none() {
    return new KeyChanges<>(List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }
}
