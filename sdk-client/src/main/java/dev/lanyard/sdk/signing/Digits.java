package dev.lanyard.sdk.signing;

/** Fixed-width decimal fields of the SigV4 date forms, written and read without a formatter. */
final class Digits {
  private Digits() {}

  /** Writes {@code value} (0 or more) as {@code width} digits at {@code at}, zero-padded. */
  static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The {@code width} ASCII digits at {@code at} as a number, or -1 when any is not a digit. */
  static int read(String text, int at, int width) {
    int value = 0;
    for (int i = at; i < at + width; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
