package dev.lanyard.policy.reference;

import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.ConditionOperator;
import dev.lanyard.policy.model.SetQualifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The condition rules of the IAM documentation, written out one case at a time. */
final class Conditions {
  private Conditions() {}

  /** Whether every clause of a statement holds (a statement without conditions always holds). */
  static boolean allHold(List<ConditionClause> clauses, boolean variables, RequestFacts request) {
    for (ConditionClause clause : clauses) {
      if (!holds(clause, variables, request)) {
        return false;
      }
    }
    return true;
  }

  static boolean holds(ConditionClause clause, boolean variables, RequestFacts request) {
    List<String> requestValues = request.values(clause.key());
    boolean present = requestValues != null;

    if (clause.operator() == ConditionOperator.NULL) {
      boolean wantAbsent = clause.values().get(0).equalsIgnoreCase("true");
      return wantAbsent != present;
    }
    if (!present && clause.ifExists()) {
      return true;
    }
    if (clause.qualifier() == SetQualifier.FOR_ALL_VALUES) {
      if (!present || requestValues.isEmpty()) {
        return true;
      }
      for (String value : requestValues) {
        if (!valueSatisfies(clause, value, variables, request)) {
          return false;
        }
      }
      return true;
    }
    if (clause.qualifier() == SetQualifier.FOR_ANY_VALUE) {
      if (!present || requestValues.isEmpty()) {
        return false;
      }
      for (String value : requestValues) {
        if (valueSatisfies(clause, value, variables, request)) {
          return true;
        }
      }
      return false;
    }
    // No set qualifier: a missing key makes a negated operator true and any other false.
    if (!present) {
      return clause.operator().negated();
    }
    for (String value : requestValues) {
      if (!valueSatisfies(clause, value, variables, request)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One request value against the clause's policy values: a positive operator needs one policy
   * value to match; a negated operator needs none of them to match.
   */
  private static boolean valueSatisfies(
      ConditionClause clause, String value, boolean variables, RequestFacts request) {
    boolean anyMatches = false;
    for (String policyValue : clause.values()) {
      if (matches(clause.operator(), policyValue, value, variables, request)) {
        anyMatches = true;
      }
    }
    return clause.operator().negated() ? !anyMatches : anyMatches;
  }

  /** The positive form of the operator: equals, like, less than, in range, ... */
  private static boolean matches(
      ConditionOperator op, String policyValue, String value, boolean variables, RequestFacts request) {
    switch (op) {
      case STRING_EQUALS, STRING_NOT_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE,
          STRING_LIKE, STRING_NOT_LIKE, ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> {
        Pattern pattern = Pattern.of(policyValue, variables, request);
        if (pattern == null) {
          return false;
        }
        return switch (op) {
          case STRING_EQUALS, STRING_NOT_EQUALS -> pattern.text().equals(value);
          case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
              pattern.text().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
          case STRING_LIKE, STRING_NOT_LIKE -> pattern.globMatches(value, false);
          default -> Resources.arnMatches(pattern, value);
        };
      }
      case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> {
        return compareNumbers(policyValue, value) == 0;
      }
      case NUMERIC_LESS_THAN -> {
        int c = compareNumbers(value, policyValue);
        return c != NOT_COMPARABLE && c < 0;
      }
      case NUMERIC_LESS_THAN_EQUALS -> {
        int c = compareNumbers(value, policyValue);
        return c != NOT_COMPARABLE && c <= 0;
      }
      case NUMERIC_GREATER_THAN -> {
        int c = compareNumbers(value, policyValue);
        return c != NOT_COMPARABLE && c > 0;
      }
      case NUMERIC_GREATER_THAN_EQUALS -> {
        int c = compareNumbers(value, policyValue);
        return c != NOT_COMPARABLE && c >= 0;
      }
      case DATE_EQUALS, DATE_NOT_EQUALS -> {
        return compareDates(value, policyValue) == 0;
      }
      case DATE_LESS_THAN -> {
        int c = compareDates(value, policyValue);
        return c != NOT_COMPARABLE && c < 0;
      }
      case DATE_LESS_THAN_EQUALS -> {
        int c = compareDates(value, policyValue);
        return c != NOT_COMPARABLE && c <= 0;
      }
      case DATE_GREATER_THAN -> {
        int c = compareDates(value, policyValue);
        return c != NOT_COMPARABLE && c > 0;
      }
      case DATE_GREATER_THAN_EQUALS -> {
        int c = compareDates(value, policyValue);
        return c != NOT_COMPARABLE && c >= 0;
      }
      case BOOL -> {
        return policyValue.equalsIgnoreCase(value);
      }
      case BINARY_EQUALS -> {
        return policyValue.equals(value);
      }
      case IP_ADDRESS, NOT_IP_ADDRESS -> {
        return inCidr(value, policyValue);
      }
      default -> throw new IllegalArgumentException("operator not covered: " + op);
    }
  }

  private static final int NOT_COMPARABLE = Integer.MIN_VALUE;

  private static int compareNumbers(String left, String right) {
    try {
      return new BigDecimal(left.trim()).compareTo(new BigDecimal(right.trim()));
    } catch (NumberFormatException e) {
      return NOT_COMPARABLE;
    }
  }

  private static int compareDates(String left, String right) {
    Instant a = instant(left);
    Instant b = instant(right);
    return a == null || b == null ? NOT_COMPARABLE : a.compareTo(b);
  }

  /** ISO 8601 date-time with offset, a date alone (midnight UTC), or epoch seconds. */
  private static Instant instant(String text) {
    try {
      if (isInteger(text)) {
        return Instant.ofEpochSecond(Long.parseLong(text));
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isInteger(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && text.length() > 1)) {
        return false;
      }
    }
    return true;
  }

  /** Only address literals reach InetAddress, so that nothing is ever looked up in DNS. */
  private static boolean isAddressLiteral(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (char c : text.toCharArray()) {
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != '.' && c != ':') {
        return false;
      }
    }
    return true;
  }

  /** Whether the address {@code value} lies in {@code cidr} ("a.b.c.d/n", IPv6, or one address). */
  private static boolean inCidr(String value, String cidr) {
    try {
      String[] parts = cidr.split("/");
      if (!isAddressLiteral(parts[0]) || !isAddressLiteral(value)) {
        return false;
      }
      byte[] network = InetAddress.getByName(parts[0]).getAddress();
      byte[] address = InetAddress.getByName(value).getAddress();
      if (network.length != address.length) {
        return false;
      }
      int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
      BigInteger mask = BigInteger.ONE.shiftLeft(network.length * 8).subtract(BigInteger.ONE)
          .shiftRight(bits).not();
      return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
    } catch (Exception e) {
      return false;
    }
  }
}
