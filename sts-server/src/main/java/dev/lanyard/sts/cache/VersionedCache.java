package dev.lanyard.sts.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * A bounded cache of values derived from the store, each tagged with the store version it was
 * computed at: an entry computed before the current version is recomputed on the next read, so a
 * change is visible as soon as the {@link StoreVersionTracker} has applied it.
 */
public final class VersionedCache<K, V> {
  private record Entry<V>(long version, V value) {}

  private final Cache<K, Entry<V>> cache;
  private final StoreVersionTracker versions;

  public VersionedCache(StoreVersionTracker versions, long maximumSize) {
    this.versions = versions;
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  /** The value for {@code key} at the current store version, computing it when stale or absent. */
  public V get(K key, Function<K, V> compute) {
    long now = versions.current();
    Entry<V> e = cache.getIfPresent(key);
    if (e != null && e.version() >= now) {
      return e.value();
    }
    V value = compute.apply(key);
    cache.put(key, new Entry<>(now, value));
    return value;
  }
}
