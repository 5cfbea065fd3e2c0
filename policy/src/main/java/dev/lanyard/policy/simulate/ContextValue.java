package dev.lanyard.policy.simulate;

import java.util.List;

/**
 * The value of one request context key: a single value ({@code multiValued} false, exactly one
 * element) or a JSON array (possibly empty). Numbers and booleans are kept as their text.
 */
public record ContextValue(List<String> values, boolean multiValued) {
  public ContextValue {
    values = List.copyOf(values);
    if (!multiValued && values.size() != 1) {
      throw new IllegalArgumentException(
          "a single-valued context value holds exactly one value, got " + values.size());
    }
  }

  /** A single-valued key. */
  public static ContextValue single(String value) {
    return new ContextValue(List.of(value), false);
  }

  /** A multi-valued key (a JSON array in the scenario). */
  public static ContextValue multi(List<String> values) {
    return new ContextValue(values, true);
  }
}
