package dev.lanyard.policy.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.PrincipalKind;
import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.model.ValueClause;
import dev.lanyard.policy.parse.JsonPath;
import dev.lanyard.policy.parse.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Characters AWS accepts in a policy: tab, LF, CR and U+0020 to U+00FF (IAM API reference,
 * {@code PolicyDocument} pattern: tab, LF, CR, U+0020-U+00FF). Checked on the decoded strings,
 * so a JSON escape for U+2019 counts as the character it stands for.
 */
final class CharacterRules {
  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(PolicyParser.READ_LIMITS).build();
  private static final String ACCEPTED = "AWS accepts only tab, LF, CR and U+0020 to U+00FF";

  private CharacterRules() {}

  /** Checks every name and string of document text that has already parsed. */
  static void checkText(String documentText, List<Finding> out) {
    try (JsonParser parser = JSON.createParser(documentText)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING) {
          String text = t == JsonToken.FIELD_NAME ? parser.currentName() : parser.getText();
          int bad = firstInvalid(text);
          if (bad >= 0) {
            JsonLocation at = parser.currentTokenLocation();
            out.add(Finding.error(
                new SourcePosition(JsonPath.of(parser.getParsingContext()), at.getLineNr(), at.getColumnNr()),
                describe(t == JsonToken.FIELD_NAME ? "key" : "string", text, bad)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("document text was parsed before; it must parse again", e);
    }
  }

  /** Checks every string held in the document's model, at the element positions. */
  static void checkModel(PolicyDocument doc, List<Finding> out) {
    check(doc.id(), new SourcePosition(JsonPath.member(JsonPath.ROOT, "Id"), 0, 0), "Id", out);
    for (Statement s : doc.statements()) {
      check(s.sid(), ValueText.member(s, "Sid"), "Sid", out);
      values(s.action(), out);
      values(s.resource(), out);
      principals(s.principal(), out);
      for (ConditionClause c : s.conditions()) {
        check(c.key(), c.position(), "condition key", out);
        for (String v : c.values()) {
          check(v, c.position(), "condition value", out);
        }
      }
    }
  }

  private static void values(ValueClause c, List<Finding> out) {
    if (c == null) {
      return;
    }
    for (int i = 0; i < c.values().size(); i++) {
      check(c.values().get(i), c.positionOf(i), "value", out);
    }
  }

  private static void principals(PrincipalClause p, List<Finding> out) {
    if (p == null) {
      return;
    }
    for (PrincipalKind kind : PrincipalKind.values()) {
      List<String> ids = p.idsOf(kind);
      for (int i = 0; i < ids.size(); i++) {
        check(ids.get(i), p.positionOf(kind, i), "principal", out);
      }
    }
  }

  private static void check(String text, SourcePosition at, String what, List<Finding> out) {
    if (text == null) {
      return;
    }
    int bad = firstInvalid(text);
    if (bad >= 0) {
      out.add(Finding.error(at, describe(what, text, bad)));
    }
  }

  private static String describe(String what, String text, int index) {
    int cp = text.codePointAt(index);
    return String.format("%s has the character U+%04X at character %d, which is not allowed; %s",
        what, cp, index + 1, ACCEPTED);
  }

  /** Index of the first character AWS refuses, or -1. */
  static int firstInvalid(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF))) {
        return i;
      }
    }
    return -1;
  }
}
