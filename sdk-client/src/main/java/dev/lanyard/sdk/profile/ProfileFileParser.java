package dev.lanyard.sdk.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the AWS shared configuration format: {@code #} and {@code ;} comment lines, {@code [name]}
 * or {@code [profile name]} sections (a trailing comment allowed), {@code key = value} properties
 * whose value may end with a comment introduced by whitespace and {@code #} or {@code ;}, and
 * continuation lines (starting with whitespace) appended to the previous property with a newline.
 * Sections that are not profiles ({@code [sso-session x]}, {@code [services x]}, a
 * {@code [profile x]} in the credentials file, a bare {@code [x]} other than default in the config
 * file) are skipped with their properties, as the AWS SDKs do.
 */
final class ProfileFileParser {
  private final ProfileFileKind kind;
  private final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
  private Map<String, String> current; // null: outside a profile or in a skipped section
  private String lastKey;

  private ProfileFileParser(ProfileFileKind kind) {
    this.kind = kind;
  }

  static Map<String, Profile> parse(String content, ProfileFileKind kind) {
    ProfileFileParser parser = new ProfileFileParser(kind);
    for (String line : content.split("\r?\n", -1)) {
      parser.line(line);
    }
    Map<String, Profile> result = new LinkedHashMap<>();
    parser.profiles.forEach((name, properties) -> result.put(name, new Profile(name, properties)));
    return result;
  }

  private void line(String raw) {
    String trimmed = raw.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
      return;
    }
    boolean indented = Character.isWhitespace(raw.charAt(0));
    if (indented && lastKey != null) {
      continuation(trimmed);
    } else if (trimmed.startsWith("[")) {
      section(trimmed);
    } else {
      property(trimmed);
    }
  }

  private void section(String line) {
    lastKey = null;
    int close = line.indexOf(']');
    String tail = close < 0 ? "" : line.substring(close + 1).strip();
    if (close < 0 || !(tail.isEmpty() || tail.startsWith("#") || tail.startsWith(";"))) {
      current = null; // malformed section header: skip its properties
      return;
    }
    String name = profileName(line.substring(1, close).strip());
    if (name == null || name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
      current = null;
      return;
    }
    current = profiles.computeIfAbsent(name, n -> new LinkedHashMap<>());
  }

  /** The profile name of a section, or {@code null} if the section is not a profile here. */
  private String profileName(String section) {
    boolean prefixed = section.startsWith("profile ") || section.startsWith("profile\t");
    if (kind == ProfileFileKind.CREDENTIALS) {
      return prefixed ? null : section;
    }
    if (prefixed) {
      return section.substring("profile".length()).strip();
    }
    return section.equals("default") ? section : null;
  }

  private void property(String line) {
    int equals = line.indexOf('=');
    if (current == null || equals <= 0) {
      lastKey = null;
      return;
    }
    String key = line.substring(0, equals).strip();
    String value = withoutComment(line.substring(equals + 1)).strip();
    current.put(key, value);
    lastKey = key;
  }

  private void continuation(String line) {
    if (current == null) {
      return;
    }
    String previous = current.get(lastKey);
    current.put(lastKey, previous.isEmpty() ? line : previous + "\n" + line);
  }

  /** Cuts a comment that starts with whitespace followed by '#' or ';'. */
  private static String withoutComment(String value) {
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
        return value.substring(0, i);
      }
    }
    return value;
  }
}
