package dev.lanyard.sdk.signing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
    // Written out rather than through DateTimeFormatter: every signed request formats and parses one.
    char[] out = new char[16];
    Digits.put(out, 0, t.getYear(), 4);
    Digits.put(out, 4, t.getMonthValue(), 2);
    Digits.put(out, 6, t.getDayOfMonth(), 2);
    out[8] = 'T';
    Digits.put(out, 9, t.getHour(), 2);
    Digits.put(out, 11, t.getMinute(), 2);
    Digits.put(out, 13, t.getSecond(), 2);
    out[15] = 'Z';
    return new String(out);
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
    if (value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
      throw malformed(value);
    }
    int year = Digits.read(value, 0, 4);
    int month = Digits.read(value, 4, 2);
    int day = Digits.read(value, 6, 2);
    int hour = Digits.read(value, 9, 2);
    int minute = Digits.read(value, 11, 2);
    int second = Digits.read(value, 13, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      throw malformed(value);
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
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
