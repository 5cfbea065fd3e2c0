package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.parse.JsonPath;

/** How the rules read policy values and quote them in messages. */
final class ValueText {
  private static final int QUOTE_LIMIT = 80;

  private ValueText() {}

  /** Whether {@code value} holds a policy variable such as {@code ${aws:username}}. */
  static boolean hasVariable(String value) {
    int start = value.indexOf("${");
    return start >= 0 && value.indexOf('}', start + 2) > 0;
  }

  /** {@code value} with each {@code ${...}} variable replaced by {@code V}, to check the rest. */
  static String maskVariables(String value) {
    StringBuilder rest = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      int start = value.indexOf("${", i);
      int end = start < 0 ? -1 : value.indexOf('}', start + 2);
      if (end < 0) {
        rest.append(value, i, value.length());
        break;
      }
      rest.append(value, i, start).append('V');
      i = end + 1;
    }
    return rest.toString();
  }

  /** {@code "value"}, shortened when long. */
  static String quote(String value) {
    String shown = value.length() <= QUOTE_LIMIT ? value : value.substring(0, QUOTE_LIMIT) + "...";
    return "\"" + shown + "\"";
  }

  /** The position of element {@code name} of {@code s}: the statement's place, the member's path. */
  static SourcePosition member(Statement s, String name) {
    SourcePosition at = s.position();
    return new SourcePosition(JsonPath.member(at.path(), name), at.line(), at.column());
  }
}
