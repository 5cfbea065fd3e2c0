package dev.lanyard.policy.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.validate.Finding;
import java.io.IOException;
import java.util.Set;

/**
 * A Jackson streaming parser seen as policy tokens: every Jackson failure becomes a
 * {@link PolicyParseException} with the path, line and column where it happened, and values are
 * described and quoted in messages without echoing more than a short prefix.
 */
final class JsonCursor {
  private static final int QUOTE_LIMIT = 64;
  private static final int JACKSON_MESSAGE_LIMIT = 240;

  private final JsonParser parser;

  JsonCursor(JsonParser parser) {
    this.parser = parser;
  }

  /** Moves to the next token; null at the end of input. */
  JsonToken next() throws PolicyParseException {
    try {
      return parser.nextToken();
    } catch (IOException | RuntimeException e) {
      throw fromJackson(e);
    }
  }

  JsonToken token() {
    return parser.currentToken();
  }

  /** The current field name (on a FIELD_NAME token). */
  String name() throws PolicyParseException {
    try {
      return parser.currentName();
    } catch (IOException | RuntimeException e) {
      throw fromJackson(e);
    }
  }

  /** The text of the current scalar token, as written for numbers and booleans. */
  String text() throws PolicyParseException {
    try {
      return parser.getText();
    } catch (IOException | RuntimeException e) {
      throw fromJackson(e);
    }
  }

  /** Whether the current token is a string, number or boolean. */
  boolean atScalar() {
    JsonToken t = parser.currentToken();
    return t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT
        || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_TRUE
        || t == JsonToken.VALUE_FALSE;
  }

  /** The path of the current token. */
  String path() {
    return JsonPath.of(parser.getParsingContext());
  }

  /** Where the current token starts. */
  SourcePosition position() {
    return at(parser.currentTokenLocation());
  }

  /** {@code location} at the current path; text positions are never before line 1, column 1. */
  private SourcePosition at(JsonLocation location) {
    return new SourcePosition(path(), Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  /** The current string value; an error naming {@code element} when the token is not a string. */
  String requireString(String element) throws PolicyParseException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw error(element + " must be a string; found " + describe());
    }
    return text();
  }

  /** Records {@code name} as seen in the current object; an error when it was seen before. */
  void requireNewKey(Set<String> seen, String name) throws PolicyParseException {
    if (!seen.add(name)) {
      throw error("duplicate key " + quote(name) + "; each key may appear only once in an object");
    }
  }

  /** An error at the current token. */
  PolicyParseException error(String message) {
    return error(position(), message);
  }

  static PolicyParseException error(SourcePosition at, String message) {
    return new PolicyParseException(Finding.error(at, message));
  }

  /** A short description of the current token for messages: "a number (42)", "an array". */
  String describe() throws PolicyParseException {
    JsonToken t = parser.currentToken();
    if (t == null) {
      return "the end of the input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "the string " + quote(text());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "the number " + abbreviate(text());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "the boolean " + text();
      case VALUE_NULL:
        return "null";
      default:
        return "unexpected JSON (" + t + ")";
    }
  }

  /** {@code "value"}, cut to a short prefix so that messages never echo large input. */
  static String quote(String value) {
    return "\"" + abbreviate(value) + "\"";
  }

  static String abbreviate(String value) {
    return value.length() <= QUOTE_LIMIT ? value : value.substring(0, QUOTE_LIMIT) + "...";
  }

  private PolicyParseException fromJackson(Exception e) {
    JsonLocation at = e instanceof JsonProcessingException
        ? ((JsonProcessingException) e).getLocation()
        : null;
    if (at == null) {
      at = parser.currentLocation();
    }
    String detail = e instanceof JsonProcessingException
        ? ((JsonProcessingException) e).getOriginalMessage()
        : e.getClass().getSimpleName();
    if (detail == null) {
      detail = e.getClass().getSimpleName();
    }
    detail = detail.replace('\n', ' ');
    if (detail.length() > JACKSON_MESSAGE_LIMIT) {
      detail = detail.substring(0, JACKSON_MESSAGE_LIMIT) + "...";
    }
    String message = e instanceof StreamConstraintsException
        ? "the document exceeds a parser limit: " + detail
        : "the document is not valid JSON: " + detail;
    return error(at(at), message);
  }
}
