package dev.lanyard.policy.parse;

import dev.lanyard.policy.model.ConditionOperator;
import dev.lanyard.policy.model.SetQualifier;

/**
 * A condition operator as written: optional {@code ForAllValues:}/{@code ForAnyValue:} prefix, a
 * base operator, optional {@code IfExists} suffix. Names are case-sensitive, as in AWS.
 */
record OperatorName(SetQualifier qualifier, ConditionOperator operator, boolean ifExists) {
  private static final String IF_EXISTS = "IfExists";
  static final String FAMILIES = "String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, "
      + "NotIpAddress, Arn*, Null; optionally prefixed ForAllValues: or ForAnyValue: and suffixed "
      + "IfExists (not on Null)";

  /** The operator spelled {@code text}; IllegalArgumentException saying what is wrong. */
  static OperatorName parse(String text) {
    SetQualifier qualifier = SetQualifier.NONE;
    String rest = text;
    for (SetQualifier q : SetQualifier.values()) {
      if (q != SetQualifier.NONE && text.startsWith(q.prefix())) {
        qualifier = q;
        rest = text.substring(q.prefix().length());
      }
    }
    ConditionOperator operator = ConditionOperator.fromText(rest);
    boolean ifExists = false;
    if (operator == null && rest.endsWith(IF_EXISTS)) {
      operator = ConditionOperator.fromText(rest.substring(0, rest.length() - IF_EXISTS.length()));
      ifExists = operator != null;
    }
    if (operator == null) {
      throw new IllegalArgumentException("condition operator " + JsonCursor.quote(text)
          + " is not known" + suggestion(text) + "; accepted: " + FAMILIES);
    }
    if (operator == ConditionOperator.NULL && ifExists) {
      throw new IllegalArgumentException("condition operator " + JsonCursor.quote(text)
          + " is not valid: Null does not take the IfExists suffix; use Null");
    }
    return new OperatorName(qualifier, operator, ifExists);
  }

  /** A hint when {@code text} differs from a valid operator name only by letter case. */
  private static String suggestion(String text) {
    String rest = text;
    String prefix = "";
    for (SetQualifier q : SetQualifier.values()) {
      if (q != SetQualifier.NONE && text.regionMatches(true, 0, q.prefix(), 0, q.prefix().length())) {
        prefix = q.prefix();
        rest = text.substring(q.prefix().length());
      }
    }
    String suffix = "";
    if (rest.regionMatches(true, Math.max(0, rest.length() - IF_EXISTS.length()), IF_EXISTS, 0,
        IF_EXISTS.length()) && rest.length() > IF_EXISTS.length()) {
      suffix = IF_EXISTS;
      rest = rest.substring(0, rest.length() - IF_EXISTS.length());
    }
    for (ConditionOperator op : ConditionOperator.values()) {
      if (op.text().equalsIgnoreCase(rest)) {
        return " (operator names are case-sensitive: did you mean " + prefix + op.text() + suffix + "?)";
      }
    }
    return "";
  }
}
