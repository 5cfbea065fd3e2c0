package dev.lanyard.policy.variable;

/** Where policy variables get their values: a request's context. */
public interface VariableSource {

  /**
   * The value of a single-valued context key, or null when the key is absent, empty or
   * multi-valued (a multi-valued key cannot be substituted into one string).
   *
   * @param lowerKey the key, already lower-cased with {@link java.util.Locale#ROOT}
   */
  String variableValue(String lowerKey);

  /** A source with no values. */
  VariableSource EMPTY = lowerKey -> null;
}
