package dev.lanyard.policy.condition;

import dev.lanyard.policy.variable.VariableSource;

/** The request values conditions read, by lower-cased key. */
public interface ConditionContext extends VariableSource {

  /**
   * The values of a key, or null when the request does not have it.
   *
   * @param lowerKey the key lower-cased with {@link java.util.Locale#ROOT}; tag keys inside
   *     {@code aws:RequestTag/}, {@code aws:ResourceTag/} and {@code aws:PrincipalTag/} are
   *     lower-cased too, since AWS compares them case-insensitively
   */
  ContextValue value(String lowerKey);
}
