package dev.lanyard.policy.condition;

import java.math.BigDecimal;

/**
 * A number from a {@code Numeric*} condition: kept as a {@code long} when it is an integer that
 * fits, and always as an exact {@link BigDecimal}, so comparisons are exact and allocate nothing.
 */
final class NumberValue {

  private final boolean integral;
  private final long longValue;
  private final BigDecimal exact;

  private NumberValue(boolean integral, long longValue, BigDecimal exact) {
    this.integral = integral;
    this.longValue = longValue;
    this.exact = exact;
  }

  /** Parses a decimal number ({@code 10}, {@code -3.5}, {@code 1e3}); null when it is not one. */
  static NumberValue parse(String text) {
    int n = text.length();
    if (n == 0) {
      return null;
    }
    int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    if (n > start && n - start <= 18) {
      long value = 0;
      int i = start;
      for (; i < n; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
      }
      if (i == n) {
        long signed = text.charAt(0) == '-' ? -value : value;
        return new NumberValue(true, signed, BigDecimal.valueOf(signed));
      }
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
      if (!allowed) {
        return null;
      }
    }
    try {
      BigDecimal exact = new BigDecimal(text);
      return new NumberValue(false, 0, exact);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Compares exactly; allocation-free. */
  int compareTo(NumberValue other) {
    if (integral && other.integral) {
      return Long.compare(longValue, other.longValue);
    }
    return exact.compareTo(other.exact);
  }
}
