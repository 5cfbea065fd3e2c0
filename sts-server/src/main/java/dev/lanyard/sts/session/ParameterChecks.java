package dev.lanyard.sts.session;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.regex.Pattern;

/**
 * AWS STS parameter constraints (API version 2011-06-15): lengths and patterns, with AWS's
 * {@code ValidationError} wording ("1 validation error detected: Value ... at 'field' failed to
 * satisfy constraint: ..."). Values of secret parameters are never echoed.
 */
public final class ParameterChecks {
  /** {@code RoleSessionName}, {@code SourceIdentity}, federated user {@code Name}. */
  public static final Pattern NAME = Pattern.compile("[\\w+=,.@-]*");
  /** {@code ExternalId}. */
  public static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
  /** {@code SerialNumber}. */
  public static final Pattern SERIAL_NUMBER = Pattern.compile("[\\w+=/:,.@-]*");
  /** {@code TokenCode}: six digits. */
  public static final Pattern TOKEN_CODE = Pattern.compile("[0-9]{6}");
  /** Session tag keys. */
  public static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
  /** Session tag values. */
  public static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  /** Access key ids ({@code GetAccessKeyInfo}). */
  public static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w*");

  private static final int ECHO_LIMIT = 128;

  private ParameterChecks() {}

  /** Checks a required text parameter's length and pattern. */
  public static String require(String field, String value, int min, int max, Pattern pattern) {
    if (value == null || value.isEmpty()) {
      throw invalid(field, null, "Member must not be null; give " + min + " to " + max + " characters");
    }
    return check(field, value, min, max, pattern);
  }

  /** Checks an optional text parameter; null or empty means absent and returns null. */
  public static String optional(String field, String value, int min, int max, Pattern pattern) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return check(field, value, min, max, pattern);
  }

  /** Checks a secret parameter without echoing its value. */
  public static String requireSecret(String field, String value, Pattern pattern, String accepted) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new LanyardException(AwsErrorCode.ValidationError, "1 validation error detected: the value at '"
          + field + "' failed to satisfy constraint: " + accepted);
    }
    return value;
  }

  /** {@code ValidationError} for an integer outside {@code min..max}. */
  public static int range(String field, int value, int min, int max) {
    if (value < min) {
      throw invalid(field, Integer.toString(value),
          "Member must have value greater than or equal to " + min + " (accepted: " + min + " to " + max + ")");
    }
    if (value > max) {
      throw invalid(field, Integer.toString(value),
          "Member must have value less than or equal to " + max + " (accepted: " + min + " to " + max + ")");
    }
    return value;
  }

  /** A {@code ValidationError} in AWS's words. */
  public static LanyardException invalid(String field, String value, String constraint) {
    String shown = value == null ? "null" : "'" + echo(value) + "'";
    return new LanyardException(AwsErrorCode.ValidationError, "1 validation error detected: Value " + shown
        + " at '" + field + "' failed to satisfy constraint: " + constraint);
  }

  private static String check(String field, String value, int min, int max, Pattern pattern) {
    if (value.length() < min || value.length() > max) {
      throw invalid(field, value, "Member must have length between " + min + " and " + max
          + " (it has " + value.length() + ")");
    }
    if (pattern != null && !pattern.matcher(value).matches()) {
      throw invalid(field, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return value;
  }

  private static String echo(String value) {
    return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "...";
  }
}
