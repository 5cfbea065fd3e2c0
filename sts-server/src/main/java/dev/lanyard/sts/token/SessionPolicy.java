package dev.lanyard.sts.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A session policy as the token carries it: the inline document minified (insignificant
 * whitespace removed, nothing else changed) and the managed policy ARNs.
 *
 * @param document the minified inline document, or null when there is none; build with {@link
 *     #of} to minify
 * @param managedPolicyArns the managed session policies' ARNs, in request order
 */
public record SessionPolicy(String document, List<String> managedPolicyArns) {
  /** No session policy. */
  public static final SessionPolicy NONE = new SessionPolicy(null, List.of());

  private static final JsonFactory JSON = new JsonFactory();

  public SessionPolicy {
    if (document != null && document.isBlank()) {
      throw new IllegalArgumentException("Policy: the session policy is blank; omit it or give a "
          + "JSON policy document (MalformedPolicyDocument)");
    }
    managedPolicyArns = List.copyOf(Objects.requireNonNull(managedPolicyArns, "managedPolicyArns"));
  }

  /**
   * A session policy from a request: the inline document (may be null) minified, and the ARNs.
   *
   * @throws IllegalArgumentException when the document is not a single JSON object
   *     (MalformedPolicyDocument)
   */
  public static SessionPolicy of(String document, List<String> managedPolicyArns) {
    if (document == null && managedPolicyArns.isEmpty()) {
      return NONE;
    }
    return new SessionPolicy(document == null ? null : minify(document), managedPolicyArns);
  }

  /** Whether there is neither an inline document nor a managed ARN. */
  public boolean isEmpty() {
    return document == null && managedPolicyArns.isEmpty();
  }

  /**
   * The document without insignificant whitespace. Everything else (member order, duplicate
   * members, number spelling, escapes) is kept as written: the policy engine judges the content.
   */
  static String minify(String document) {
    requireJsonObject(document);
    StringBuilder out = new StringBuilder(document.length());
    boolean inString = false;
    for (int i = 0; i < document.length(); i++) {
      char c = document.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(document.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void requireJsonObject(String document) {
    try (JsonParser parser = JSON.createParser(document)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("it is not a JSON object");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw malformed("there is content after the JSON object");
      }
    } catch (IOException e) {
      throw malformed("it is not valid JSON");
    }
  }

  private static IllegalArgumentException malformed(String problem) {
    return new IllegalArgumentException("Policy: the session policy cannot be used because " + problem
        + "; give one JSON policy document (MalformedPolicyDocument)");
  }
}
