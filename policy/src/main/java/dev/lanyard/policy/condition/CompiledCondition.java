package dev.lanyard.policy.condition;

import dev.lanyard.policy.match.ArnPattern;
import dev.lanyard.policy.match.Glob;
import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.ConditionOperator;
import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.SetQualifier;
import dev.lanyard.policy.variable.Template;
import java.util.Locale;

/**
 * One compiled (operator, key, values) triple of a {@code Condition} block.
 *
 * <p>Rules, from the IAM User Guide ("Condition operators", "Conditions with multiple context
 * keys or values", "Single-valued vs. multivalued context keys"):
 *
 * <ul>
 *   <li>several policy values are ORed; for a negated operator ({@code StringNotEquals},
 *       {@code NotIpAddress}, ...) the condition is true only when the request value matches none
 *       of them (NOR);
 *   <li>key absent (or an empty list): false, except that a negated operator is true,
 *       {@code ...IfExists} is true, {@code ForAllValues:} is true and {@code ForAnyValue:} is
 *       false; {@code Null} tests presence itself;
 *   <li>without a set qualifier a multi-valued key matches when any of its values matches;
 *       {@code ForAnyValue:} needs one request value to satisfy the operator, {@code ForAllValues:}
 *       needs every request value to;
 *   <li>a policy value that does not parse for the operator (e.g. {@code abc} for
 *       {@code NumericEquals}) or a request value that does not makes the condition false; a
 *       policy variable with no value and no default makes that one policy value not match.
 * </ul>
 */
public final class CompiledCondition {

  private final String lowerKey;
  private final ConditionOperator operator;
  private final SetQualifier qualifier;
  private final boolean ifExists;
  private final boolean negated;
  private final ValueTest[] tests;
  private final boolean[] nullExpectsAbsent;
  private final boolean unusable;

  private CompiledCondition(ConditionClause clause, PolicyVersion version) {
    this.lowerKey = clause.key().toLowerCase(Locale.ROOT);
    this.operator = clause.operator();
    this.qualifier = clause.qualifier();
    this.ifExists = clause.ifExists();
    this.negated = operator.negated();
    int n = clause.values().size();
    boolean bad = false;
    if (operator == ConditionOperator.NULL) {
      this.tests = new ValueTest[0];
      this.nullExpectsAbsent = new boolean[n];
      for (int i = 0; i < n; i++) {
        Boolean b = ValueTest.parseBool(clause.values().get(i));
        bad |= b == null;
        nullExpectsAbsent[i] = b != null && b;
      }
    } else {
      this.nullExpectsAbsent = new boolean[0];
      this.tests = new ValueTest[n];
      boolean variables = version.supportsVariables() && operator.allowsVariables();
      for (int i = 0; i < n; i++) {
        tests[i] = testFor(operator, clause.values().get(i), variables);
        bad |= tests[i] == null;
      }
    }
    this.unusable = bad;
  }

  /** Compiles one clause; values that do not parse make it always false (see class comment). */
  public static CompiledCondition compile(ConditionClause clause, PolicyVersion version) {
    return new CompiledCondition(clause, version);
  }

  /** The key, lower-cased. */
  public String key() {
    return lowerKey;
  }

  /** The base operator. */
  public ConditionOperator operator() {
    return operator;
  }

  /** Whether a policy value did not parse for the operator, so the condition is always false. */
  public boolean unusable() {
    return unusable;
  }

  /** Evaluates against a request's context. Allocation-free once request values are parsed. */
  public boolean test(ConditionContext context) {
    if (unusable) {
      return false;
    }
    ContextValue values = context.value(lowerKey);
    int n = values == null ? 0 : values.size();
    if (operator == ConditionOperator.NULL) {
      boolean absent = n == 0;
      for (boolean expectsAbsent : nullExpectsAbsent) {
        if (expectsAbsent == absent) {
          return true;
        }
      }
      return false;
    }
    if (n == 0) {
      if (ifExists) {
        return true;
      }
      return switch (qualifier) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case NONE -> negated;
      };
    }
    switch (qualifier) {
      case FOR_ALL_VALUES: {
        boolean all = true;
        for (int r = 0; r < n; r++) {
          int m = anyPolicyValue(values, r, context);
          if (m < 0) {
            return false;
          }
          all &= (m == ValueTest.MATCH) != negated;
        }
        return all;
      }
      case FOR_ANY_VALUE: {
        boolean some = false;
        for (int r = 0; r < n; r++) {
          int m = anyPolicyValue(values, r, context);
          if (m < 0) {
            return false;
          }
          some |= (m == ValueTest.MATCH) != negated;
        }
        return some;
      }
      default: {
        boolean any = false;
        for (int r = 0; r < n; r++) {
          int m = anyPolicyValue(values, r, context);
          if (m < 0) {
            return false;
          }
          any |= m == ValueTest.MATCH;
        }
        return any != negated;
      }
    }
  }

  private int anyPolicyValue(ContextValue values, int index, ConditionContext context) {
    int result = ValueTest.NO_MATCH;
    for (ValueTest test : tests) {
      int m = test.test(values, index, context);
      if (m == ValueTest.INVALID) {
        return m;
      }
      if (m == ValueTest.MATCH) {
        result = m;
      }
    }
    return result;
  }

  private static ValueTest testFor(ConditionOperator op, String value, boolean variables) {
    switch (op.valueType()) {
      case STRING: {
        Template t = Template.parse(value, variables);
        boolean like = op == ConditionOperator.STRING_LIKE || op == ConditionOperator.STRING_NOT_LIKE;
        boolean ignoreCase =
            op == ConditionOperator.STRING_EQUALS_IGNORE_CASE
                || op == ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE;
        return new ValueTest.StringTest(Glob.compile(t.parts(), like), ignoreCase);
      }
      case ARN:
        return new ValueTest.ArnTest(ArnPattern.compile(Template.parse(value, variables)));
      case NUMBER: {
        NumberValue n = NumberValue.parse(value);
        return n == null ? null : new ValueTest.NumericTest(n, comparison(op));
      }
      case DATE: {
        long millis = DateValue.parseMillis(value);
        return millis == DateValue.INVALID ? null : new ValueTest.DateTest(millis, comparison(op));
      }
      case BOOLEAN: {
        Boolean b = ValueTest.parseBool(value);
        return b == null ? null : new ValueTest.BoolTest(b);
      }
      case BINARY: {
        byte[] bytes = ContextValue.decodeBase64(value);
        return bytes == null ? null : new ValueTest.BinaryTest(bytes);
      }
      case IP: {
        IpRange range = IpRange.parse(value);
        return range == null ? null : new ValueTest.IpTest(range);
      }
      default:
        return null;
    }
  }

  private static ValueTest.Comparison comparison(ConditionOperator op) {
    return switch (op) {
      case NUMERIC_LESS_THAN, DATE_LESS_THAN -> ValueTest.Comparison.LESS;
      case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> ValueTest.Comparison.LESS_OR_EQUAL;
      case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> ValueTest.Comparison.GREATER;
      case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> ValueTest.Comparison.GREATER_OR_EQUAL;
      default -> ValueTest.Comparison.EQUAL;
    };
  }

  @Override
  public String toString() {
    return qualifier.prefix() + operator.text() + (ifExists ? "IfExists" : "") + " " + lowerKey;
  }
}
