package dev.lanyard.policy.variable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A policy value split into text and variables, once, at compile time.
 *
 * <p>Under policy version 2012-10-17, {@code ${key}} is replaced by the request's value for
 * {@code key} (keys compare case-insensitively), {@code ${key, 'default'}} falls back to
 * {@code default} when the key has no single value, and {@code ${*}}, {@code ${?}} and
 * {@code ${$}} stand for the literal characters {@code *}, {@code ?} and {@code $}. Under
 * 2008-10-17 everything is {@link Text}. A {@code ${} without a closing brace is text.
 */
public final class Template {

  /** One piece of a template. */
  public sealed interface Part permits Text, Literal, Variable {}

  /** Text as written; in a wildcard pattern its {@code *} and {@code ?} are wildcards. */
  public record Text(String text) implements Part {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A character that is always literal, from {@code ${*}}, {@code ${?}} or {@code ${$}}. */
  public record Literal(char character) implements Part {}

  /**
   * A variable: {@code lowerKey} is the context key lower-cased; {@code defaultValue} is null when
   * none was given. Its value is always matched literally (a {@code *} in a tag value is not a
   * wildcard).
   */
  public record Variable(String lowerKey, String defaultValue) implements Part {
    public Variable {
      Objects.requireNonNull(lowerKey, "lowerKey");
    }
  }

  private final String source;
  private final List<Part> parts;
  private final boolean hasVariables;

  private Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
    this.hasVariables = this.parts.stream().anyMatch(p -> p instanceof Variable);
  }

  /** A template of plain text, with no variables. */
  public static Template text(String text) {
    Objects.requireNonNull(text, "text");
    return new Template(text, text.isEmpty() ? List.of() : List.of(new Text(text)));
  }

  /**
   * Splits {@code text} into parts.
   *
   * @param variables whether {@code ${...}} is a variable (policy version 2012-10-17); when false
   *     the whole value is text
   */
  public static Template parse(String text, boolean variables) {
    Objects.requireNonNull(text, "text");
    if (!variables || !text.contains("${")) {
      return text(text);
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      int close = open < 0 ? -1 : text.indexOf('}', open + 2);
      if (open < 0 || close < 0) {
        pending.append(text, i, text.length());
        break;
      }
      pending.append(text, i, open);
      Part part = variablePart(text.substring(open + 2, close));
      if (part instanceof Literal literal) {
        flush(pending, parts);
        parts.add(literal);
      } else if (part instanceof Variable variable) {
        flush(pending, parts);
        parts.add(variable);
      } else {
        pending.append(text, open, close + 1);
      }
      i = close + 1;
    }
    flush(pending, parts);
    return new Template(text, parts);
  }

  private static void flush(StringBuilder pending, List<Part> parts) {
    if (pending.length() > 0) {
      parts.add(new Text(pending.toString()));
      pending.setLength(0);
    }
  }

  /** Reads the inside of {@code ${...}}; returns null when it is not a valid variable. */
  private static Part variablePart(String inside) {
    String body = inside.strip();
    switch (body) {
      case "*":
        return new Literal('*');
      case "?":
        return new Literal('?');
      case "$":
        return new Literal('$');
      default:
        break;
    }
    int comma = body.indexOf(',');
    String key = (comma < 0 ? body : body.substring(0, comma)).strip();
    if (key.isEmpty()) {
      return null;
    }
    String defaultValue = null;
    if (comma >= 0) {
      String rest = body.substring(comma + 1).strip();
      if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
        return null;
      }
      defaultValue = rest.substring(1, rest.length() - 1);
    }
    return new Variable(key.toLowerCase(Locale.ROOT), defaultValue);
  }

  /** The value as written in the policy. */
  public String source() {
    return source;
  }

  /** The parts in order; empty for an empty value. */
  public List<Part> parts() {
    return parts;
  }

  /** Whether any part is a {@link Variable}. */
  public boolean hasVariables() {
    return hasVariables;
  }

  @Override
  public String toString() {
    return source;
  }
}
