package dev.lanyard.policy.parse;

import com.fasterxml.jackson.core.JsonToken;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.model.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the top level of a policy document: {@code Version}, {@code Id}, {@code Statement}. */
final class DocumentReader {
  private static final String ELEMENTS = "Version, Id, Statement";

  private final JsonCursor in;
  private final int maxStatements;

  DocumentReader(JsonCursor in, int maxStatements) {
    this.in = in;
    this.maxStatements = maxStatements;
  }

  PolicyDocument read() throws PolicyParseException {
    if (in.next() != JsonToken.START_OBJECT) {
      throw in.error("a policy document must be a JSON object (or a JSON string holding one); found "
          + in.describe());
    }
    SourcePosition at = in.position();
    PolicyVersion version = null;
    String id = null;
    List<Statement> statements = null;
    Set<String> seen = new HashSet<>();
    while (in.next() == JsonToken.FIELD_NAME) {
      String name = in.name();
      in.requireNewKey(seen, name);
      SourcePosition elementAt = in.position();
      in.next();
      switch (name) {
        case "Version":
          version = version(in.requireString("Version"));
          break;
        case "Id":
          id = in.requireString("Id");
          break;
        case "Statement":
          statements = statements();
          break;
        default:
          throw JsonCursor.error(elementAt, "unknown policy element " + JsonCursor.quote(name)
              + hint(name) + "; accepted at the top level (case-sensitive): " + ELEMENTS);
      }
    }
    if (statements == null) {
      throw JsonCursor.error(at, "Missing required field Statement; a policy needs a Statement "
          + "object or a non-empty array of statement objects");
    }
    if (in.next() != null) {
      throw in.error("unexpected content after the policy document; found " + in.describe()
          + "; accepted: exactly one JSON object");
    }
    return new PolicyDocument(version == null ? PolicyVersion.V2008_10_17 : version,
        version != null, id, statements);
  }

  private PolicyVersion version(String text) throws PolicyParseException {
    PolicyVersion version = PolicyVersion.fromText(text);
    if (version == null) {
      throw in.error("Version " + JsonCursor.quote(text) + " is not valid; accepted: \""
          + PolicyVersion.V2012_10_17.text() + "\" (current) or \"" + PolicyVersion.V2008_10_17.text()
          + "\"");
    }
    return version;
  }

  private List<Statement> statements() throws PolicyParseException {
    if (in.token() == JsonToken.START_OBJECT) {
      return List.of(StatementReader.read(in, 0));
    }
    if (in.token() != JsonToken.START_ARRAY) {
      throw in.error("Statement must be an object or a non-empty array of objects; found "
          + in.describe());
    }
    SourcePosition at = in.position();
    List<Statement> statements = new ArrayList<>();
    while (in.next() != JsonToken.END_ARRAY) {
      if (statements.size() == maxStatements) {
        throw in.error("the policy has more than " + maxStatements
            + " statements; no accepted policy comes near this (AWS size limits allow a few hundred)");
      }
      statements.add(StatementReader.read(in, statements.size()));
    }
    if (statements.isEmpty()) {
      throw JsonCursor.error(at, "Statement is an empty array; a policy needs at least one statement");
    }
    return statements;
  }

  private static String hint(String name) {
    for (String element : ELEMENTS.split(", ")) {
      if (element.equalsIgnoreCase(name)) {
        return " (did you mean " + element + "?)";
      }
    }
    return "";
  }
}
