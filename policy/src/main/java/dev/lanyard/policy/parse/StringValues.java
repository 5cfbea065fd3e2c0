package dev.lanyard.policy.parse;

import com.fasterxml.jackson.core.JsonToken;
import dev.lanyard.policy.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** A string or a non-empty array of strings, each with its source position. */
record StringValues(List<String> values, List<SourcePosition> positions) {

  /** Reads the value the cursor stands on; {@code element} names it in errors. */
  static StringValues read(JsonCursor in, String element) throws PolicyParseException {
    List<String> values = new ArrayList<>();
    List<SourcePosition> positions = new ArrayList<>();
    if (in.token() == JsonToken.VALUE_STRING) {
      values.add(in.text());
      positions.add(in.position());
    } else if (in.token() == JsonToken.START_ARRAY) {
      SourcePosition start = in.position();
      while (in.next() != JsonToken.END_ARRAY) {
        if (in.token() != JsonToken.VALUE_STRING) {
          throw in.error(element + " entries must be strings; found " + in.describe());
        }
        values.add(in.text());
        positions.add(in.position());
      }
      if (values.isEmpty()) {
        throw JsonCursor.error(start, element
            + " is an empty array; accepted: a string or a non-empty array of strings");
      }
    } else {
      throw in.error(element + " must be a string or a non-empty array of strings; found " + in.describe());
    }
    return new StringValues(List.copyOf(values), List.copyOf(positions));
  }
}
