package dev.lanyard.policy.parse;

import com.fasterxml.jackson.core.JsonToken;
import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.model.ValueClause;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads one statement object. Element names are case-sensitive, as in AWS. */
final class StatementReader {
  static final List<String> ELEMENTS = List.of("Sid", "Effect", "Principal", "NotPrincipal",
      "Action", "NotAction", "Resource", "NotResource", "Condition");

  private final JsonCursor in;
  private String sid;
  private Effect effect;
  private PrincipalClause principal;
  private ValueClause action;
  private ValueClause resource;
  private List<ConditionClause> conditions = List.of();

  private StatementReader(JsonCursor in) {
    this.in = in;
  }

  /** Reads the statement object the cursor stands on. */
  static Statement read(JsonCursor in, int index) throws PolicyParseException {
    return new StatementReader(in).readObject(index);
  }

  private Statement readObject(int index) throws PolicyParseException {
    if (in.token() != JsonToken.START_OBJECT) {
      throw in.error("a statement must be a JSON object with Effect, Action and the other "
          + "statement elements; found " + in.describe());
    }
    SourcePosition at = in.position();
    Set<String> seen = new HashSet<>();
    while (in.next() == JsonToken.FIELD_NAME) {
      String name = in.name();
      in.requireNewKey(seen, name);
      SourcePosition elementAt = in.position();
      in.next();
      readElement(name, elementAt);
    }
    if (effect == null) {
      throw JsonCursor.error(at, "Missing required field Effect; accepted values: \"Allow\" or \"Deny\"");
    }
    return new Statement(index, sid, effect, principal, action, resource, conditions, at);
  }

  private void readElement(String name, SourcePosition at) throws PolicyParseException {
    switch (name) {
      case "Sid":
        sid = in.requireString("Sid");
        break;
      case "Effect":
        effect = effect(in.requireString("Effect"));
        break;
      case "Principal":
      case "NotPrincipal":
        exclusive(principal != null, "Principal", "NotPrincipal", at);
        principal = PrincipalReader.read(in, name, name.startsWith("Not"), at);
        break;
      case "Action":
      case "NotAction":
        exclusive(action != null, "Action", "NotAction", at);
        action = values(name, at);
        break;
      case "Resource":
      case "NotResource":
        exclusive(resource != null, "Resource", "NotResource", at);
        resource = values(name, at);
        break;
      case "Condition":
        conditions = ConditionReader.read(in);
        break;
      default:
        throw JsonCursor.error(at, "unknown statement element " + JsonCursor.quote(name) + hint(name)
            + "; accepted (case-sensitive): " + String.join(", ", ELEMENTS));
    }
  }

  private ValueClause values(String name, SourcePosition at) throws PolicyParseException {
    StringValues values = StringValues.read(in, name);
    return new ValueClause(name.startsWith("Not"), values.values(), at, values.positions());
  }

  private Effect effect(String text) throws PolicyParseException {
    for (Effect e : Effect.values()) {
      if (e.text().equals(text)) {
        return e;
      }
    }
    throw in.error("Effect " + JsonCursor.quote(text)
        + " is not valid; accepted (case-sensitive): \"Allow\" or \"Deny\"");
  }

  private static void exclusive(boolean taken, String plain, String negated, SourcePosition at)
      throws PolicyParseException {
    if (taken) {
      throw JsonCursor.error(at, "a statement may have " + plain + " or " + negated
          + ", not both; keep one of them");
    }
  }

  private static String hint(String name) {
    for (String element : ELEMENTS) {
      if (element.equalsIgnoreCase(name)) {
        return " (did you mean " + element + "?)";
      }
    }
    return "";
  }
}
