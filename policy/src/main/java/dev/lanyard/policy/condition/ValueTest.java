package dev.lanyard.policy.condition;

import dev.lanyard.policy.match.ArnPattern;
import dev.lanyard.policy.match.Glob;
import java.util.Arrays;

/**
 * One pre-parsed policy value of a condition, tested against one request value with the
 * operator's positive sense ({@code StringNotEquals} tests as {@code StringEquals}; the
 * condition negates). Allocation-free.
 */
interface ValueTest {

  int MATCH = 1;
  int NO_MATCH = 0;
  /** The request value does not parse for the operator: the whole condition is false. */
  int INVALID = -1;

  int test(ContextValue values, int index, ConditionContext context);

  /** How a {@code Numeric*} or {@code Date*} operator compares request to policy value. */
  enum Comparison {
    EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL;

    boolean holds(int cmp) {
      return switch (this) {
        case EQUAL -> cmp == 0;
        case LESS -> cmp < 0;
        case LESS_OR_EQUAL -> cmp <= 0;
        case GREATER -> cmp > 0;
        case GREATER_OR_EQUAL -> cmp >= 0;
      };
    }
  }

  /** {@code String*}: exact (glob without wildcards) or {@code Like} (glob), with variables. */
  record StringTest(Glob glob, boolean ignoreCase) implements ValueTest {
    @Override
    public int test(ContextValue values, int index, ConditionContext context) {
      String s = values.get(index);
      return glob.matches(s, 0, s.length(), ignoreCase, context) ? MATCH : NO_MATCH;
    }
  }

  /** {@code Numeric*}. */
  record NumericTest(NumberValue policy, Comparison comparison) implements ValueTest {
    @Override
    public int test(ContextValue values, int index, ConditionContext context) {
      NumberValue request = values.number(index);
      if (request == null) {
        return INVALID;
      }
      return comparison.holds(request.compareTo(policy)) ? MATCH : NO_MATCH;
    }
  }

  /** {@code Date*}, in epoch milliseconds. */
  record DateTest(long policyMillis, Comparison comparison) implements ValueTest {
    @Override
    public int test(ContextValue values, int index, ConditionContext context) {
      long request = values.dateMillis(index);
      if (request == DateValue.INVALID) {
        return INVALID;
      }
      return comparison.holds(Long.compare(request, policyMillis)) ? MATCH : NO_MATCH;
    }
  }

  /** {@code Bool}: {@code true}/{@code false}, any case. */
  record BoolTest(boolean policy) implements ValueTest {
    @Override
    public int test(ContextValue values, int index, ConditionContext context) {
      Boolean request = parseBool(values.get(index));
      if (request == null) {
        return INVALID;
      }
      return request == policy ? MATCH : NO_MATCH;
    }
  }

  /** {@code BinaryEquals}: base64 on both sides, compared as bytes. */
  record BinaryTest(byte[] policy) implements ValueTest {
    @Override
    public int test(ContextValue values, int index, ConditionContext context) {
      byte[] request = values.bytes(index);
      if (request == null) {
        return INVALID;
      }
      return Arrays.equals(request, policy) ? MATCH : NO_MATCH;
    }
  }

  /** {@code IpAddress}: the request address is in the CIDR block. */
  record IpTest(IpRange range) implements ValueTest {
    @Override
    public int test(ContextValue values, int index, ConditionContext context) {
      IpAddress request = values.address(index);
      if (request == null) {
        return INVALID;
      }
      return range.contains(request) ? MATCH : NO_MATCH;
    }
  }

  /** {@code ArnEquals}/{@code ArnLike}: segment-wise, wildcards allowed in both (AWS docs). */
  record ArnTest(ArnPattern pattern) implements ValueTest {
    @Override
    public int test(ContextValue values, int index, ConditionContext context) {
      String s = values.get(index);
      if (!looksLikeArn(s)) {
        return INVALID;
      }
      return pattern.matches(s, context) ? MATCH : NO_MATCH;
    }
  }

  /** {@code true}/{@code false} in any case, else null. */
  static Boolean parseBool(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (s.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** Whether {@code s} has the {@code arn:} prefix and six colon-separated segments. */
  static boolean looksLikeArn(String s) {
    if (!s.startsWith("arn:")) {
      return false;
    }
    int colons = 1;
    for (int i = 4; i < s.length() && colons < 5; i++) {
      if (s.charAt(i) == ':') {
        colons++;
      }
    }
    return colons == 5;
  }
}
