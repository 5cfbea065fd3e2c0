package dev.lanyard.sts.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the data keys that seal session secrets: the newest ACTIVE key seals,
 * every key in the ring opens. A token names the data key that sealed its secret.
 */
public final class DataKeyRing {
  private static final DataKeyRing EMPTY = new DataKeyRing(List.of());

  private final List<DataKey> keys;
  private final Map<String, DataKey> byId;
  private final DataKey active;

  private DataKeyRing(Collection<DataKey> keys) {
    List<DataKey> sorted = new ArrayList<>(keys);
    sorted.sort(Comparator.comparing((DataKey k) -> k.lifecycle().createdAt())
        .thenComparing(DataKey::id));
    Map<String, DataKey> index = new LinkedHashMap<>();
    DataKey newestActive = null;
    for (DataKey key : sorted) {
      if (index.putIfAbsent(key.id(), key) != null) {
        throw new IllegalArgumentException("data key ring: the id " + key.id() + " appears twice");
      }
      if (key.state() == KeyState.ACTIVE && (newestActive == null
          || key.lifecycle().activatedAt().isAfter(newestActive.lifecycle().activatedAt()))) {
        newestActive = key;
      }
    }
    this.keys = List.copyOf(sorted);
    this.byId = Map.copyOf(index);
    this.active = newestActive;
  }

  /** A ring of these keys (any order; ids must be distinct). */
  public static DataKeyRing of(Collection<DataKey> keys) {
    return keys.isEmpty() ? EMPTY : new DataKeyRing(keys);
  }

  /** The ring before any key exists. */
  public static DataKeyRing empty() {
    return EMPTY;
  }

  /**
   * The key that seals new secrets: the most recently activated ACTIVE key.
   *
   * @throws IllegalStateException when the ring has no ACTIVE key (rotation has not run yet)
   */
  public DataKey activeKey() {
    if (active == null) {
      throw new IllegalStateException(
          "data key ring: no ACTIVE data key; run key rotation before issuing tokens");
    }
    return active;
  }

  /** The key with this id, in any state, or empty when the ring does not hold it. */
  public Optional<DataKey> key(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  /** Every key in the ring, oldest first. */
  public List<DataKey> keys() {
    return keys;
  }

  @Override
  public String toString() {
    return "DataKeyRing" + keys;
  }
}
