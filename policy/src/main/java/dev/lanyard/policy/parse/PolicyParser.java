package dev.lanyard.policy.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.SourcePosition;
import java.io.IOException;
import java.util.Objects;

/**
 * Parses IAM policy documents. The document may be a JSON object or a JSON string whose content
 * is the document (as IAM APIs return it); line and column then refer to that content. Every
 * problem is a {@link PolicyParseException} holding the first error; input is bounded by the
 * limits below, so that hostile input is refused quickly.
 */
public final class PolicyParser {
  /** Longest document accepted, in characters (the largest AWS managed policy is about 200 KB). */
  public static final int MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;
  /** Longest single JSON string or number accepted, in characters. */
  public static final int MAX_STRING_CHARS = 1024 * 1024;
  /** Deepest nesting of arrays and objects accepted (policies need 6). */
  public static final int MAX_NESTING_DEPTH = 64;
  /** Most statements accepted (the largest AWS managed policy has 162). */
  public static final int MAX_STATEMENTS = 10_000;

  /** The Jackson limits every read of policy text uses. */
  public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_NESTING_DEPTH)
      .maxStringLength(MAX_STRING_CHARS)
      .maxNameLength(MAX_STRING_CHARS)
      .maxNumberLength(1000)
      .maxDocumentLength(MAX_DOCUMENT_CHARS)
      .build();

  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(READ_LIMITS).build();

  private PolicyParser() {}

  /** Parses a policy document from JSON text. */
  public static PolicyDocument parse(String json) throws PolicyParseException {
    String document = documentText(json);
    try (JsonParser parser = open(document)) {
      return new DocumentReader(new JsonCursor(parser), MAX_STATEMENTS).read();
    } catch (IOException e) {
      throw JsonCursor.error(new SourcePosition(JsonPath.ROOT, 1, 1),
          "the document could not be read: " + e.getClass().getSimpleName());
    }
  }

  /** Parses a policy document from UTF-8 bytes (a leading byte order mark is ignored). */
  public static PolicyDocument parse(byte[] utf8) throws PolicyParseException {
    Objects.requireNonNull(utf8, "utf8");
    if (utf8.length > 4L * MAX_DOCUMENT_CHARS) {
      throw tooLong(utf8.length + " bytes");
    }
    return parse(Utf8Text.decode(utf8));
  }

  /**
   * The text of the document itself: {@code json} when it holds an object, or the content of the
   * string when {@code json} is a JSON string. Sizes and character checks apply to this text.
   */
  public static String documentText(String json) throws PolicyParseException {
    Objects.requireNonNull(json, "json");
    if (json.length() > MAX_DOCUMENT_CHARS) {
      throw tooLong(json.length() + " characters");
    }
    String text = !json.isEmpty() && json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    if (!startsWithString(text)) {
      return text;
    }
    try (JsonParser parser = open(text)) {
      JsonCursor in = new JsonCursor(parser);
      in.next();
      String content = in.text();
      if (in.next() != null) {
        throw in.error("unexpected content after the policy document string; found "
            + in.describe() + "; accepted: exactly one JSON object or one JSON string");
      }
      return content;
    } catch (IOException e) {
      throw JsonCursor.error(new SourcePosition(JsonPath.ROOT, 1, 1),
          "the document could not be read: " + e.getClass().getSimpleName());
    }
  }

  private static JsonParser open(String text) throws IOException {
    return JSON.createParser(text);
  }

  private static boolean startsWithString(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return c == '"';
      }
    }
    return false;
  }

  private static PolicyParseException tooLong(String size) {
    return JsonCursor.error(new SourcePosition(JsonPath.ROOT, 1, 1), "the document is " + size
        + " long; at most " + MAX_DOCUMENT_CHARS + " characters are accepted (AWS policy size "
        + "limits are at most 20,480 characters)");
  }
}
