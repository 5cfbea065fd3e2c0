package dev.lanyard.policy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.validate.Finding;
import dev.lanyard.policy.validate.Severity;

/** Assertions shared by the parser tests. */
final class ParseAssertions {
  private ParseAssertions() {}

  /** The finding of the PolicyParseException that parsing {@code json} must throw. */
  static Finding parseError(String json) {
    PolicyParseException e = assertThrows(PolicyParseException.class, () -> PolicyParser.parse(json));
    Finding f = e.finding();
    assertEquals(Finding.MALFORMED_POLICY_DOCUMENT, f.code());
    assertEquals(Severity.ERROR, f.severity());
    return f;
  }

  /** {@code f} is at {@code path}, where {@code marker} starts in {@code json}, and says {@code says}. */
  static void assertFinding(Finding f, String path, String json, String marker, String says) {
    TextLocation at = TextLocation.of(json, marker);
    assertEquals(path, f.path(), "path of " + f);
    assertEquals(at.line(), f.line(), "line of " + f);
    assertEquals(at.column(), f.column(), "column of " + f);
    assertTrue(f.message().contains(says), () -> "message of " + f + " should contain: " + says);
  }

  /** {@code p} is at {@code path}, where {@code marker} starts in {@code json}. */
  static void assertPosition(SourcePosition p, String path, String json, String marker) {
    TextLocation at = TextLocation.of(json, marker);
    assertEquals(path, p.path(), "path of " + p);
    assertEquals(at.line(), p.line(), "line of " + p);
    assertEquals(at.column(), p.column(), "column of " + p);
  }
}
