package dev.lanyard.sdk.signing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    return DATE.format(date);
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
    LocalDate date;
    try {
      date = parts[0].length() == 8 ? LocalDate.parse(parts[0], DATE) : null;
    } catch (DateTimeParseException e) {
      date = null;
    }
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

  private static boolean isElement(String value) {
    return value != null
        && !value.isEmpty()
        && value.chars().noneMatch(c -> c == '/' || c <= ' ' || c >= 0x7f);
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
