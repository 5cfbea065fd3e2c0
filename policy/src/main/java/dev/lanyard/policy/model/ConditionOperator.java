package dev.lanyard.policy.model;

import java.util.Locale;

/** The base condition operators of the IAM policy language, without set prefix or IfExists. */
public enum ConditionOperator {
  STRING_EQUALS("StringEquals", ValueType.STRING, false),
  STRING_NOT_EQUALS("StringNotEquals", ValueType.STRING, true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", ValueType.STRING, false),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", ValueType.STRING, true),
  STRING_LIKE("StringLike", ValueType.STRING, false),
  STRING_NOT_LIKE("StringNotLike", ValueType.STRING, true),
  NUMERIC_EQUALS("NumericEquals", ValueType.NUMBER, false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", ValueType.NUMBER, true),
  NUMERIC_LESS_THAN("NumericLessThan", ValueType.NUMBER, false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", ValueType.NUMBER, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", ValueType.NUMBER, false),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", ValueType.NUMBER, false),
  DATE_EQUALS("DateEquals", ValueType.DATE, false),
  DATE_NOT_EQUALS("DateNotEquals", ValueType.DATE, true),
  DATE_LESS_THAN("DateLessThan", ValueType.DATE, false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", ValueType.DATE, false),
  DATE_GREATER_THAN("DateGreaterThan", ValueType.DATE, false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", ValueType.DATE, false),
  BOOL("Bool", ValueType.BOOLEAN, false),
  BINARY_EQUALS("BinaryEquals", ValueType.BINARY, false),
  IP_ADDRESS("IpAddress", ValueType.IP, false),
  NOT_IP_ADDRESS("NotIpAddress", ValueType.IP, true),
  ARN_EQUALS("ArnEquals", ValueType.ARN, false),
  ARN_LIKE("ArnLike", ValueType.ARN, false),
  ARN_NOT_EQUALS("ArnNotEquals", ValueType.ARN, true),
  ARN_NOT_LIKE("ArnNotLike", ValueType.ARN, true),
  NULL("Null", ValueType.BOOLEAN, false);

  /** How an operator reads its policy values and the request's values. */
  public enum ValueType {
    STRING,
    NUMBER,
    DATE,
    BOOLEAN,
    BINARY,
    IP,
    ARN
  }

  private final String text;
  private final ValueType valueType;
  private final boolean negated;

  ConditionOperator(String text, ValueType valueType, boolean negated) {
    this.text = text;
    this.valueType = valueType;
    this.negated = negated;
  }

  /** The spelling in policy documents, e.g. {@code StringNotLike}. */
  public String text() {
    return text;
  }

  public ValueType valueType() {
    return valueType;
  }

  /**
   * Whether this is a negated operator ({@code ...Not...}, {@code NotIpAddress}): with several
   * policy values it is true only when the request value matches none of them.
   */
  public boolean negated() {
    return negated;
  }

  /** Whether policy variables may appear in this operator's values (string and ARN operators). */
  public boolean allowsVariables() {
    return valueType == ValueType.STRING || valueType == ValueType.ARN;
  }

  /** The operator with this spelling (operator names are case-sensitive in AWS), or null. */
  public static ConditionOperator fromText(String text) {
    for (ConditionOperator op : values()) {
      if (op.text.equals(text)) {
        return op;
      }
    }
    return null;
  }

  /** Lower-cased spelling, for messages that list what is accepted. */
  public String lowerText() {
    return text.toLowerCase(Locale.ROOT);
  }
}
