package dev.lanyard.sts.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link KeyRingRepository} in this JVM's memory: for tests and single-process demos. Keys are
 * lost when the process ends. {@link #apply} is atomic: it checks every change before making any.
 */
public final class InMemoryKeyRingRepository implements KeyRingRepository {
  private final Map<String, SigningKey> signing = new LinkedHashMap<>();
  private final Map<String, DataKey> data = new LinkedHashMap<>();

  @Override
  public synchronized List<SigningKey> signingKeys() {
    return List.copyOf(signing.values());
  }

  @Override
  public synchronized List<DataKey> dataKeys() {
    return List.copyOf(data.values());
  }

  @Override
  public synchronized void apply(KeyRingChanges changes) {
    Map<String, SigningKey> nextSigning =
        applied(signing, changes.signing(), SigningKey::kid, SigningKey::withLifecycle, "signing key");
    Map<String, DataKey> nextData =
        applied(data, changes.data(), DataKey::id, DataKey::withLifecycle, "data key");
    signing.clear();
    signing.putAll(nextSigning);
    data.clear();
    data.putAll(nextData);
  }

  private static <K> Map<String, K> applied(
      Map<String, K> current,
      KeyChanges<K> changes,
      Function<K, String> id,
      BiFunction<K, KeyLifecycle, K> withLifecycle,
      String what) {
    Map<String, K> next = new LinkedHashMap<>(current);
    for (K key : changes.added()) {
      if (next.putIfAbsent(id.apply(key), key) != null) {
        throw new IllegalStateException(what + " " + id.apply(key) + ": already stored");
      }
    }
    for (KeyLifecycle lifecycle : changes.changed()) {
      K key = next.get(lifecycle.id());
      if (key == null) {
        throw new IllegalStateException(what + " " + lifecycle.id() + ": not stored, cannot change it");
      }
      next.put(lifecycle.id(), withLifecycle.apply(key, lifecycle));
    }
    for (String removed : new ArrayList<>(changes.removed())) {
      next.remove(removed);
    }
    return next;
  }
}
