package dev.lanyard.policy.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value from a policy after variable substitution: a list of characters, each either literal or
 * a wildcard ({@code *} or {@code ?} written in the policy). Wildcards only mean something to the
 * glob operators; exact operators use {@link #text()}.
 */
record Pattern(List<Token> tokens) {

  /** One character of a pattern. */
  record Token(char character, boolean wildcard) {}

  /**
   * Substitutes variables in {@code written}. Returns null when a variable has no value and no
   * default (AWS: the value cannot match). {@code variables} false (policy version 2008-10-17)
   * keeps the text as written.
   */
  static Pattern of(String written, boolean variables, RequestFacts request) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < written.length()) {
      char c = written.charAt(i);
      int close = written.indexOf('}', i);
      if (variables && c == '$' && i + 1 < written.length() && written.charAt(i + 1) == '{' && close > i) {
        String inside = written.substring(i + 2, close);
        String value = variableValue(inside, request);
        if (value == null) {
          return null;
        }
        for (char v : value.toCharArray()) {
          tokens.add(new Token(v, false));
        }
        i = close + 1;
      } else {
        tokens.add(new Token(c, c == '*' || c == '?'));
        i++;
      }
    }
    return new Pattern(tokens);
  }

  private static String variableValue(String inside, RequestFacts request) {
    if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
      return inside;
    }
    String key = inside;
    String defaultValue = null;
    int comma = inside.indexOf(',');
    if (comma >= 0) {
      key = inside.substring(0, comma).trim();
      String rest = inside.substring(comma + 1).trim();
      defaultValue = rest.substring(1, rest.length() - 1); // strip the single quotes
    }
    List<String> values = request.values(key.trim());
    if (values != null && values.size() == 1) {
      return values.get(0);
    }
    return defaultValue;
  }

  /** The characters, wildcards included, as plain text. */
  String text() {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      b.append(t.character());
    }
    return b.toString();
  }

  /** Whether {@code value} matches this pattern, {@code *} and {@code ?} being wildcards. */
  boolean globMatches(String value, boolean ignoreCase) {
    return glob(0, value, 0, ignoreCase);
  }

  private boolean glob(int p, String value, int v, boolean ignoreCase) {
    if (p == tokens.size()) {
      return v == value.length();
    }
    Token t = tokens.get(p);
    if (t.wildcard() && t.character() == '*') {
      for (int skip = v; skip <= value.length(); skip++) {
        if (glob(p + 1, value, skip, ignoreCase)) {
          return true;
        }
      }
      return false;
    }
    if (v == value.length()) {
      return false;
    }
    if (t.wildcard() && t.character() == '?') {
      return glob(p + 1, value, v + 1, ignoreCase);
    }
    return sameChar(t.character(), value.charAt(v), ignoreCase) && glob(p + 1, value, v + 1, ignoreCase);
  }

  private static boolean sameChar(char a, char b, boolean ignoreCase) {
    if (!ignoreCase) {
      return a == b;
    }
    return String.valueOf(a).toLowerCase(Locale.ROOT).equals(String.valueOf(b).toLowerCase(Locale.ROOT));
  }

  /** Splits at the first five colons, as ARNs are compared segment by segment. */
  List<Pattern> arnSegments() {
    List<Pattern> segments = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    for (Token t : tokens) {
      if (t.character() == ':' && !t.wildcard() && segments.size() < 5) {
        segments.add(new Pattern(current));
        current = new ArrayList<>();
      } else {
        current.add(t);
      }
    }
    segments.add(new Pattern(current));
    return segments;
  }
}
