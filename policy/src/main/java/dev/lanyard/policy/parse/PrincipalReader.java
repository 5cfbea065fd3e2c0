package dev.lanyard.policy.parse;

import com.fasterxml.jackson.core.JsonToken;
import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.PrincipalKind;
import dev.lanyard.policy.model.SourcePosition;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code Principal}/{@code NotPrincipal}: {@code "*"} or an object of principal kinds. */
final class PrincipalReader {
  private static final String ACCEPTED_KINDS = "AWS, Federated, Service, CanonicalUser";

  private PrincipalReader() {}

  /** Reads the value the cursor stands on; {@code at} is where the element's name stands. */
  static PrincipalClause read(JsonCursor in, String element, boolean negated, SourcePosition at)
      throws PolicyParseException {
    if (in.token() == JsonToken.VALUE_STRING) {
      if (!"*".equals(in.text())) {
        throw in.error(element + " as a string must be \"*\"; found " + in.describe()
            + "; to name principals use an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"}");
      }
      return new PrincipalClause(negated, true, Map.of(), at, Map.of());
    }
    if (in.token() != JsonToken.START_OBJECT) {
      throw in.error(element + " must be \"*\" or an object with " + ACCEPTED_KINDS
          + "; found " + in.describe());
    }
    Map<PrincipalKind, List<String>> ids = new EnumMap<>(PrincipalKind.class);
    Map<PrincipalKind, List<SourcePosition>> positions = new EnumMap<>(PrincipalKind.class);
    Set<String> seen = new HashSet<>();
    while (in.next() == JsonToken.FIELD_NAME) {
      String name = in.name();
      in.requireNewKey(seen, name);
      PrincipalKind kind = PrincipalKind.fromText(name);
      if (kind == null) {
        throw in.error("unknown principal type " + JsonCursor.quote(name) + " in " + element
            + hint(name) + "; accepted (case-sensitive): " + ACCEPTED_KINDS);
      }
      in.next();
      StringValues values = StringValues.read(in, element + "." + name);
      ids.put(kind, values.values());
      positions.put(kind, values.positions());
    }
    if (ids.isEmpty()) {
      throw JsonCursor.error(at, element + " is an empty object; name at least one of "
          + ACCEPTED_KINDS + ", or use \"*\"");
    }
    return new PrincipalClause(negated, false, ids, at, positions);
  }

  private static String hint(String name) {
    for (PrincipalKind k : PrincipalKind.values()) {
      if (k.text().equalsIgnoreCase(name)) {
        return " (did you mean " + k.text() + "?)";
      }
    }
    return "";
  }
}
