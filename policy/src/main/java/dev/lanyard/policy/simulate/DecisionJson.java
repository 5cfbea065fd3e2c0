package dev.lanyard.policy.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lanyard.policy.eval.DecidingStatement;
import dev.lanyard.policy.eval.Decision;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The decision line of {@code lanyard policy simulate}:
 * {@code {"decision": "Allow|ExplicitDeny|ImplicitDeny", "statements": [{"policy": ..., "statement":
 * N, "sid": ...}], "reason": "..."}}, on one line; {@code sid} is left out when the statement has
 * none. Also the error line {@code {"error": "..."}} for a scenario that cannot be simulated.
 */
public final class DecisionJson {
  private static final JsonFactory JSON = new JsonFactory();

  private DecisionJson() {}

  /** The decision as one line of JSON (no line break). */
  public static String line(Decision decision) {
    StringWriter text = new StringWriter(128);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("decision", decisionName(decision));
      json.writeArrayFieldStart("statements");
      for (DecidingStatement s : decision.statements()) {
        json.writeStartObject();
        json.writeStringField("policy", s.policy());
        json.writeNumberField("statement", s.statement());
        if (s.sid() != null) {
          json.writeStringField("sid", s.sid());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringField("reason", decision.reason());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** {@code {"error": message}} as one line of JSON. */
  public static String errorLine(String message) {
    StringWriter text = new StringWriter(64 + message.length());
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** {@code Allow}, {@code ExplicitDeny} or {@code ImplicitDeny}. */
  public static String decisionName(Decision decision) {
    return switch (decision.outcome()) {
      case ALLOW -> "Allow";
      case EXPLICIT_DENY -> "ExplicitDeny";
      case IMPLICIT_DENY -> "ImplicitDeny";
    };
  }
}
