package dev.lanyard.policy.condition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses the date forms {@code Date*} conditions accept into epoch milliseconds: ISO 8601
 * ({@code 2020-01-31}, {@code 2020-01-31T12:00Z}, {@code 2020-01-31T12:00:00.250+02:00},
 * {@code +0200}, {@code +02}; a time without an offset is UTC) and epoch seconds
 * ({@code 1580472000}, optionally with a fraction).
 */
final class DateValue {

  /** Returned for text that is not a date. */
  static final long INVALID = Long.MIN_VALUE;

  /** Longer text is not a date in any accepted form (the longest, with nanoseconds, is 35). */
  private static final int MAX_LENGTH = 64;

  private DateValue() {}

  /** Epoch milliseconds, or {@link #INVALID}. */
  static long parseMillis(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return INVALID;
    }
    if (isEpoch(text)) {
      return parseEpoch(text);
    }
    try {
      return parseIso(text);
    } catch (DateTimeException | IndexOutOfBoundsException e) {
      return INVALID;
    }
  }

  private static boolean isEpoch(String text) {
    int i = text.charAt(0) == '-' ? 1 : 0;
    boolean digits = false;
    boolean dot = false;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  private static long parseEpoch(String text) {
    try {
      return new BigDecimal(text).movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return INVALID;
    }
  }

  private static long parseIso(String s) {
    int year = digits(s, 0, 4);
    expect(s, 4, '-');
    int month = digits(s, 5, 2);
    expect(s, 7, '-');
    int day = digits(s, 8, 2);
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    int i = 10;
    long seconds = 0;
    long millis = 0;
    long offsetSeconds = 0;
    if (i < s.length()) {
      char t = s.charAt(i);
      if (t != 'T' && t != 't') {
        throw new DateTimeException("expected T");
      }
      int hour = digits(s, i + 1, 2);
      expect(s, i + 3, ':');
      int minute = digits(s, i + 4, 2);
      i += 6;
      int second = 0;
      if (i < s.length() && s.charAt(i) == ':') {
        second = digits(s, i + 1, 2);
        i += 3;
        if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
          int start = ++i;
          while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
          }
          if (i == start) {
            throw new DateTimeException("empty fraction");
          }
          String fraction = (s.substring(start, Math.min(i, start + 3)) + "00").substring(0, 3);
          millis = Integer.parseInt(fraction);
        }
      }
      if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute > 0 || second > 0))) {
        throw new DateTimeException("time out of range");
      }
      seconds = hour * 3600L + minute * 60L + Math.min(second, 59);
      if (i < s.length()) {
        offsetSeconds = offset(s, i);
      }
    }
    return ((epochDay * 86_400L) + seconds - offsetSeconds) * 1000L + millis;
  }

  private static long offset(String s, int i) {
    char c = s.charAt(i);
    if ((c == 'Z' || c == 'z') && i + 1 == s.length()) {
      return 0;
    }
    if (c != '+' && c != '-') {
      throw new DateTimeException("bad offset");
    }
    int sign = c == '-' ? -1 : 1;
    int hours = digits(s, i + 1, 2);
    int j = i + 3;
    int minutes = 0;
    if (j < s.length()) {
      if (s.charAt(j) == ':') {
        j++;
      }
      minutes = digits(s, j, 2);
      j += 2;
    }
    if (j != s.length() || hours > 18 || minutes > 59) {
      throw new DateTimeException("bad offset");
    }
    return sign * (hours * 3600L + minutes * 60L);
  }

  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      throw new DateTimeException("too short");
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException("expected digit");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static void expect(String s, int at, char c) {
    if (at >= s.length() || s.charAt(at) != c) {
      throw new DateTimeException("expected " + c);
    }
  }
}
