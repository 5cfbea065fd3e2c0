package dev.lanyard.policy.condition;

import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The values of one request context key (one or several strings). Typed readings (numbers, dates,
 * addresses, bytes) are parsed on first use and kept, so repeated evaluations against the same
 * context parse nothing. Immutable from the outside and safe to share between threads: each
 * cache is published through a final field, and a race only parses twice.
 */
public final class ContextValue {

  private final String[] values;
  private Numbers numbers;
  private Dates dates;
  private Addresses addresses;
  private Binaries binaries;

  private ContextValue(String[] values) {
    this.values = values;
  }

  /** Values in order; null elements are refused. */
  public static ContextValue of(List<String> values) {
    String[] copy = values.toArray(new String[0]);
    for (int i = 0; i < copy.length; i++) {
      Objects.requireNonNull(copy[i], () -> "context value is null; expected a string");
    }
    return new ContextValue(copy);
  }

  /** One value. */
  public static ContextValue of(String value) {
    Objects.requireNonNull(value, "context value is null; expected a string");
    return new ContextValue(new String[] {value});
  }

  /** The number of values (0 for an empty list, which conditions treat as absent). */
  public int size() {
    return values.length;
  }

  /** The value at {@code index}. */
  public String get(int index) {
    return values[index];
  }

  /** The values as an unmodifiable list. */
  public List<String> asList() {
    return List.of(values);
  }

  NumberValue number(int index) {
    Numbers n = numbers;
    if (n == null) {
      NumberValue[] parsed = new NumberValue[values.length];
      for (int i = 0; i < values.length; i++) {
        parsed[i] = NumberValue.parse(values[i]);
      }
      n = new Numbers(parsed);
      numbers = n;
    }
    return n.items[index];
  }

  long dateMillis(int index) {
    Dates d = dates;
    if (d == null) {
      long[] parsed = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        parsed[i] = DateValue.parseMillis(values[i]);
      }
      d = new Dates(parsed);
      dates = d;
    }
    return d.items[index];
  }

  IpAddress address(int index) {
    Addresses a = addresses;
    if (a == null) {
      IpAddress[] parsed = new IpAddress[values.length];
      for (int i = 0; i < values.length; i++) {
        parsed[i] = IpAddress.parse(values[i]);
      }
      a = new Addresses(parsed);
      addresses = a;
    }
    return a.items[index];
  }

  byte[] bytes(int index) {
    Binaries b = binaries;
    if (b == null) {
      byte[][] parsed = new byte[values.length][];
      for (int i = 0; i < values.length; i++) {
        parsed[i] = decodeBase64(values[i]);
      }
      b = new Binaries(parsed);
      binaries = b;
    }
    return b.items[index];
  }

  /** Decodes standard base64; null when the text is not base64. */
  static byte[] decodeBase64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return values.length == 1 ? values[0] : List.of(values).toString();
  }

  private static final class Numbers {
    final NumberValue[] items;

    Numbers(NumberValue[] items) {
      this.items = items;
    }
  }

  private static final class Dates {
    final long[] items;

    Dates(long[] items) {
      this.items = items;
    }
  }

  private static final class Addresses {
    final IpAddress[] items;

    Addresses(IpAddress[] items) {
      this.items = items;
    }
  }

  private static final class Binaries {
    final byte[][] items;

    Binaries(byte[][] items) {
      this.items = items;
    }
  }
}
