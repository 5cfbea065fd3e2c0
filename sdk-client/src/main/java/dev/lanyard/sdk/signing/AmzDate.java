package dev.lanyard.sdk.signing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/** The {@code X-Amz-Date} form of an instant: ISO 8601 basic, UTC, seconds ({@code 20150830T123600Z}). */
public final class AmzDate {
  /** The header that carries it. */
  public static final String HEADER = "x-amz-date";

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

  private AmzDate() {}

  /** Formats an instant, dropping fractions of a second. */
  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /**
   * Parses an {@code X-Amz-Date} value.
   *
   * @throws InvalidSignatureException ({@code IncompleteSignature}) if it is not of the form
   *     {@code yyyyMMdd'T'HHmmss'Z'}
   */
  public static Instant parse(String value) {
    if (value == null || value.length() != 16) {
      throw malformed(value);
    }
    try {
      return LocalDateTime.parse(value, FORMAT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw malformed(value);
    }
  }

  private static InvalidSignatureException malformed(String value) {
    return new InvalidSignatureException(
        InvalidSignatureException.Reason.INCOMPLETE_SIGNATURE,
        "X-Amz-Date: " + Untrusted.quote(value) + " is not a date of the form yyyyMMdd'T'HHmmss'Z' (UTC), "
            + "e.g. 20150830T123600Z");
  }
}
