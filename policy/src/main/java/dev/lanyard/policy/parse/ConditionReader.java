package dev.lanyard.policy.parse;

import com.fasterxml.jackson.core.JsonToken;
import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code Condition} block: operator to an object of condition key to a value or an array
 * of values. Values may be strings, numbers or booleans and are kept as their text.
 */
final class ConditionReader {
  private ConditionReader() {}

  /** Reads the block the cursor stands on, one clause per (operator, key). */
  static List<ConditionClause> read(JsonCursor in) throws PolicyParseException {
    if (in.token() != JsonToken.START_OBJECT) {
      throw in.error("Condition must be an object of condition operators, e.g. "
          + "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"blue\"}}; found " + in.describe());
    }
    List<ConditionClause> clauses = new ArrayList<>();
    Set<String> operators = new HashSet<>();
    while (in.next() == JsonToken.FIELD_NAME) {
      String operatorText = in.name();
      in.requireNewKey(operators, operatorText);
      OperatorName operator;
      try {
        operator = OperatorName.parse(operatorText);
      } catch (IllegalArgumentException e) {
        throw in.error(e.getMessage());
      }
      in.next();
      if (in.token() != JsonToken.START_OBJECT) {
        throw in.error("condition operator " + JsonCursor.quote(operatorText)
            + " must map to an object of condition keys, e.g. {\"aws:SourceVpc\": \"vpc-111bbb22\"}; found "
            + in.describe());
      }
      Set<String> keys = new HashSet<>();
      while (in.next() == JsonToken.FIELD_NAME) {
        String key = in.name();
        in.requireNewKey(keys, key);
        SourcePosition at = in.position();
        in.next();
        clauses.add(new ConditionClause(operatorText, operator.qualifier(), operator.operator(),
            operator.ifExists(), key, values(in, key), at));
      }
    }
    return clauses;
  }

  private static List<String> values(JsonCursor in, String key) throws PolicyParseException {
    if (in.atScalar()) {
      return List.of(in.text());
    }
    if (in.token() != JsonToken.START_ARRAY) {
      throw in.error("condition key " + JsonCursor.quote(key)
          + " must have a string, number or boolean, or an array of them; found " + in.describe());
    }
    List<String> values = new ArrayList<>();
    while (in.next() != JsonToken.END_ARRAY) {
      if (!in.atScalar()) {
        throw in.error("values of condition key " + JsonCursor.quote(key)
            + " must be strings, numbers or booleans; found " + in.describe());
      }
      values.add(in.text());
    }
    return values;
  }
}
