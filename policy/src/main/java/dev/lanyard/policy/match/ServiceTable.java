package dev.lanyard.policy.match;

import java.util.Locale;
import java.util.Map;

/**
 * An immutable map from lower-case service prefixes ({@code s3}, {@code ec2}) to values, looked up
 * by the start of an action string ({@code s3:GetObject}) case-insensitively and without creating
 * a substring. Open addressing with linear probing.
 *
 * @param <V> the value type
 */
public final class ServiceTable<V> {

  private final String[] keys;
  private final Object[] values;
  private final int mask;
  private final int size;

  private ServiceTable(Map<String, V> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) - 1) << 1;
    this.keys = new String[capacity];
    this.values = new Object[capacity];
    this.mask = capacity - 1;
    this.size = entries.size();
    entries.forEach(
        (key, value) -> {
          String lower = key.toLowerCase(Locale.ROOT);
          int slot = hash(lower, 0, lower.length()) & mask;
          while (keys[slot] != null) {
            if (keys[slot].equals(lower)) {
              throw new IllegalArgumentException("duplicate service key '" + lower + "'");
            }
            slot = (slot + 1) & mask;
          }
          keys[slot] = lower;
          values[slot] = value;
        });
  }

  /** A table over these entries; keys are lower-cased. */
  public static <V> ServiceTable<V> of(Map<String, V> entries) {
    return new ServiceTable<>(entries);
  }

  /** The number of keys. */
  public int size() {
    return size;
  }

  /** The value for the service {@code text[0, end)}, compared case-insensitively, or null. */
  @SuppressWarnings("unchecked")
  public V get(String text, int end) {
    int slot = hash(text, 0, end) & mask;
    String key;
    while ((key = keys[slot]) != null) {
      if (key.length() == end
          && (text.startsWith(key) || key.regionMatches(true, 0, text, 0, end))) {
        return (V) values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return null;
  }

  private static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c >= 0x80) {
        c = Character.toLowerCase(Character.toUpperCase(c));
      }
      h = 31 * h + c;
    }
    return h ^ (h >>> 16);
  }
}
