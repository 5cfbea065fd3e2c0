package dev.lanyard.sdk.signing;

/** How text received from a caller is shown in an error message: quoted, bounded, printable. */
final class Untrusted {
  private static final int MAX_SHOWN = 64;

  private Untrusted() {}

  static String quote(String value) {
    if (value == null) {
      return "(absent)";
    }
    StringBuilder shown = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 8).append('\'');
    for (int i = 0; i < value.length() && i < MAX_SHOWN; i++) {
      char c = value.charAt(i);
      shown.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (value.length() > MAX_SHOWN) {
      shown.append("...");
    }
    return shown.append('\'').toString();
  }
}
