package dev.lanyard.policy.parse;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON paths in the form used by findings: {@code $.Statement[1].Condition.StringEquals}. Names
 * that are not plain (letters, digits, {@code _ - : /}) are written as {@code ['name']}, with
 * quote, backslash and characters outside printable ASCII escaped. Names longer than
 * {@value #NAME_LIMIT} characters are cut and end in {@code ...}, so that paths stay readable.
 */
public final class JsonPath {
  /** The path of the document itself. */
  public static final String ROOT = "$";
  /** Longest name written into a path. */
  public static final int NAME_LIMIT = 128;

  private JsonPath() {}

  /** The path of the value a Jackson parser currently stands on. */
  public static String of(JsonStreamContext context) {
    Deque<String> segments = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        segments.push(name(c.getCurrentName()));
      } else if (c.inArray() && c.hasCurrentIndex()) {
        segments.push("[" + c.getCurrentIndex() + "]");
      }
    }
    StringBuilder path = new StringBuilder(ROOT);
    segments.forEach(path::append);
    return path.toString();
  }

  /** {@code parent} followed by the member {@code name}. */
  public static String member(String parent, String name) {
    return parent + name(name);
  }

  private static String name(String fullName) {
    String name = fullName.length() <= NAME_LIMIT ? fullName : fullName.substring(0, NAME_LIMIT) + "...";
    if (isPlain(name)) {
      return "." + name;
    }
    StringBuilder quoted = new StringBuilder("['");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' || c == '\'') {
        quoted.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append("']").toString();
  }

  private static boolean isPlain(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == ':' || c == '/';
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
