package dev.lanyard.sdk.signing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;

/**
 * The scope a SigV4 signing key is derived for: {@code yyyyMMdd/region/service/aws4_request}.
 *
 * @param date the UTC date of the request
 * @param region e.g. {@code us-east-1}
 * @param service e.g. {@code sts}
 */
public record CredentialScope(LocalDate date, String region, String service) {
  /** The fixed last element of every scope. */
  public static final String TERMINATOR = "aws4_request";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  public CredentialScope {
    Objects.requireNonNull(date, "date");
    requireElement(region, "region");
    requireElement(service, "service");
  }

  /** The scope for a request made at an instant. */
  public static CredentialScope of(Instant requestTime, String region, String service) {
    return new CredentialScope(LocalDate.ofInstant(requestTime, ZoneOffset.UTC), region, service);
  }

  /** The date element, {@code yyyyMMdd}. */
  public String dateStamp() {
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return DATE.format(date);
    }
    char[] out = new char[8];
    Digits.put(out, 0, date.getYear(), 4);
    Digits.put(out, 4, date.getMonthValue(), 2);
    Digits.put(out, 6, date.getDayOfMonth(), 2);
    return new String(out);
  }

  /** {@code yyyyMMdd/region/service/aws4_request}. */
  @Override
  public String toString() {
    return dateStamp() + '/' + region + '/' + service + '/' + TERMINATOR;
  }

  /**
   * Parses {@code yyyyMMdd/region/service/aws4_request}.
   *
   * @throws InvalidSignatureException ({@code IncompleteSignature}) naming the element at fault
   */
  public static CredentialScope parse(String scope) {
    String[] parts = scope.split("/", -1);
    if (parts.length != 4) {
      throw incomplete(
          "Credential scope " + Untrusted.quote(scope)
              + " must have 4 elements, yyyyMMdd/region/service/aws4_request; got " + parts.length);
    }
    if (!TERMINATOR.equals(parts[3])) {
      throw incomplete(
          "Credential scope must end with 'aws4_request', got " + Untrusted.quote(parts[3]));
    }
    LocalDate date = parseDate(parts[0]);
    if (date == null) {
      throw incomplete(
          "Credential scope date " + Untrusted.quote(parts[0]) + " must be a date yyyyMMdd");
    }
    if (!isElement(parts[1]) || !isElement(parts[2])) {
      throw incomplete(
          "Credential scope region and service must be non-empty, without spaces; got "
              + Untrusted.quote(parts[1]) + " and " + Untrusted.quote(parts[2]));
    }
    return new CredentialScope(date, parts[1], parts[2]);
  }

  /** {@code yyyyMMdd} as a date, or null when it is not one. */
  private static LocalDate parseDate(String text) {
    if (text.length() != 8) {
      return null;
    }
    int year = Digits.read(text, 0, 4);
    int month = Digits.read(text, 4, 2);
    int day = Digits.read(text, 6, 2);
    if ((year | month | day) < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean isElement(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c <= ' ' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static void requireElement(String value, String field) {
    if (!isElement(value)) {
      throw new IllegalArgumentException(
          field + ": must be non-empty printable ASCII without '/' or spaces, got "
              + Untrusted.quote(value));
    }
  }

  private static InvalidSignatureException incomplete(String message) {
    return new InvalidSignatureException(InvalidSignatureException.Reason.INCOMPLETE_SIGNATURE, message);
  }
}
