package dev.lanyard.policy.condition;

import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.ConditionOperator;
import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.SetQualifier;
import dev.lanyard.policy.model.SourcePosition;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds conditions and contexts for tests, as a policy would spell them. */
final class Conditions {

  private Conditions() {}

  /** E.g. {@code cond("ForAnyValue:StringLikeIfExists", "aws:TagKeys", "team*")}. */
  static CompiledCondition cond(String operatorText, String key, String... values) {
    return cond(PolicyVersion.V2012_10_17, operatorText, key, values);
  }

  static CompiledCondition cond(PolicyVersion version, String operatorText, String key, String... values) {
    String rest = operatorText;
    SetQualifier q = SetQualifier.NONE;
    for (SetQualifier candidate : List.of(SetQualifier.FOR_ALL_VALUES, SetQualifier.FOR_ANY_VALUE)) {
      if (rest.startsWith(candidate.prefix())) {
        q = candidate;
        rest = rest.substring(candidate.prefix().length());
      }
    }
    boolean ifExists = rest.endsWith("IfExists");
    if (ifExists) {
      rest = rest.substring(0, rest.length() - "IfExists".length());
    }
    ConditionOperator op = ConditionOperator.fromText(rest);
    if (op == null) {
      throw new IllegalArgumentException("unknown operator " + operatorText);
    }
    return CompiledCondition.compile(
        new ConditionClause(operatorText, q, op, ifExists, key, List.of(values), SourcePosition.UNKNOWN), version);
  }

  /** A context from alternating key and value arguments; a value may be a String or a List. */
  static ConditionContext context(Object... keysAndValues) {
    Map<String, ContextValue> m = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = ((String) keysAndValues[i]).toLowerCase(Locale.ROOT);
      Object v = keysAndValues[i + 1];
      @SuppressWarnings("unchecked")
      ContextValue cv = v instanceof List<?> list ? ContextValue.of((List<String>) list) : ContextValue.of((String) v);
      m.put(key, cv);
    }
    return new ConditionContext() {
      @Override
      public ContextValue value(String lowerKey) {
        return m.get(lowerKey);
      }

      @Override
      public String variableValue(String lowerKey) {
        ContextValue v = m.get(lowerKey);
        return v != null && v.size() == 1 ? v.get(0) : null;
      }
    };
  }
}
