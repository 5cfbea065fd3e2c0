package dev.lanyard.policy.parse;

/**
 * The 1-based line and column of a marker in test text, computed independently of the parser so
 * that tests can assert where a finding points.
 */
public record TextLocation(int line, int column) {

  /** Where the first occurrence of {@code marker} starts in {@code text}. */
  public static TextLocation of(String text, String marker) {
    return of(text, marker, 1);
  }

  /** Where occurrence {@code nth} (1-based) of {@code marker} starts in {@code text}. */
  public static TextLocation of(String text, String marker, int nth) {
    int index = -1;
    for (int i = 0; i < nth; i++) {
      index = text.indexOf(marker, index + 1);
      if (index < 0) {
        throw new IllegalArgumentException("marker " + marker + " occurs fewer than " + nth + " times");
      }
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new TextLocation(line, index - lineStart + 1);
  }
}
