package dev.lanyard.sts.token;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session's tags and which of them are transitive. Keys keep the case they were given in but
 * compare case-insensitively, as AWS session tags do: two keys that differ only in case are the
 * same key, lookups ignore case, and equality ignores the case of keys.
 */
public final class SessionTags {
  private static final SessionTags NONE = new SessionTags(Map.of(), List.of());

  private final Map<String, String> tags;
  private final Map<String, String> valueByFoldedKey;
  private final Set<String> transitiveKeys;
  private final Set<String> foldedTransitiveKeys;

  private SessionTags(Map<String, String> tags, Collection<String> transitiveKeys) {
    Map<String, String> kept = new LinkedHashMap<>();
    Map<String, String> folded = new LinkedHashMap<>();
    tags.forEach((key, value) -> {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("Tags: a tag key is empty; keys are 1 to 128 characters");
      }
      if (value == null) {
        throw new IllegalArgumentException("Tags: the tag '" + key + "' has no value; use \"\" for none");
      }
      if (folded.putIfAbsent(fold(key), value) != null) {
        throw new IllegalArgumentException("Tags: the key '" + key
            + "' appears twice ignoring case; tag keys are case-insensitive, give each once");
      }
      kept.put(key, value);
    });
    Set<String> transitive = new LinkedHashSet<>();
    Set<String> foldedTransitive = new LinkedHashSet<>();
    for (String key : transitiveKeys) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("TransitiveTagKeys: a key is empty");
      }
      if (foldedTransitive.add(fold(key))) {
        transitive.add(key);
      }
    }
    this.tags = Collections.unmodifiableMap(kept);
    this.valueByFoldedKey = Collections.unmodifiableMap(folded);
    this.transitiveKeys = Collections.unmodifiableSet(transitive);
    this.foldedTransitiveKeys = Collections.unmodifiableSet(foldedTransitive);
  }

  /**
   * Tags with these keys and values (in this order) and these transitive keys.
   *
   * @throws IllegalArgumentException when a key is empty, a value is null, or two keys differ only
   *     in case
   */
  public static SessionTags of(Map<String, String> tags, Collection<String> transitiveKeys) {
    return tags.isEmpty() && transitiveKeys.isEmpty() ? NONE : new SessionTags(tags, transitiveKeys);
  }

  /** No tags. */
  public static SessionTags none() {
    return NONE;
  }

  /** The tags with their keys as given, in the order given. */
  public Map<String, String> asMap() {
    return tags;
  }

  /** The value of the tag with this key, ignoring case. */
  public Optional<String> value(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(valueByFoldedKey.get(fold(key)));
  }

  /** The transitive tag keys as given, in the order given. */
  public Set<String> transitiveKeys() {
    return transitiveKeys;
  }

  /** Whether this key is transitive, ignoring case. */
  public boolean isTransitive(String key) {
    return key != null && foldedTransitiveKeys.contains(fold(key));
  }

  public boolean isEmpty() {
    return tags.isEmpty() && transitiveKeys.isEmpty();
  }

  public int size() {
    return tags.size();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionTags that
        && valueByFoldedKey.equals(that.valueByFoldedKey)
        && foldedTransitiveKeys.equals(that.foldedTransitiveKeys);
  }

  @Override
  public int hashCode() {
    return valueByFoldedKey.hashCode() * 31 + foldedTransitiveKeys.hashCode();
  }

  @Override
  public String toString() {
    return "SessionTags" + tags + (transitiveKeys.isEmpty() ? "" : " transitive=" + transitiveKeys);
  }

  private static String fold(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}
