package dev.lanyard.policy.condition;

/**
 * An IPv4 or IPv6 address as 128 bits ({@code high}, {@code low}); IPv4 uses the low 32 bits and
 * is a separate family. Parsed by hand: no name lookups, no {@code InetAddress}.
 */
record IpAddress(boolean v6, long high, long low) {

  /** Parses a literal address; null when it is not one. */
  static IpAddress parse(String text) {
    if (text.indexOf(':') >= 0) {
      return parseV6(text);
    }
    long v4 = parseV4(text, 0, text.length());
    return v4 < 0 ? null : new IpAddress(false, 0, v4);
  }

  /** The 32-bit value of a dotted quad in {@code s[from, to)}, or -1. */
  static long parseV4(String s, int from, int to) {
    long value = 0;
    int octets = 0;
    int i = from;
    while (i <= to && octets < 4) {
      int start = i;
      int octet = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        octet = octet * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
      octets++;
      if (octets < 4) {
        if (i >= to || s.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
    }
    return octets == 4 && i == to ? value : -1;
  }

  private static IpAddress parseV6(String s) {
    int[] groups = new int[8];
    int count = 0;
    int compressAt = -1;
    int n = s.length();
    int i = 0;
    if (s.startsWith("::")) {
      compressAt = 0;
      i = 2;
      if (i == n) {
        return new IpAddress(true, 0, 0);
      }
    } else if (s.startsWith(":")) {
      return null;
    }
    while (i < n) {
      if (count == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < n && i - start < 5 && hex(s.charAt(i)) >= 0) {
        value = value * 16 + hex(s.charAt(i));
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        long v4 = parseV4(s, start, n);
        if (v4 < 0 || count > 6) {
          return null;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xffff);
        i = n;
        break;
      }
      if (i == start || i - start > 4) {
        return null;
      }
      groups[count++] = value;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (compressAt >= 0) {
          return null;
        }
        compressAt = count;
        i++;
      } else if (i == n) {
        return null;
      }
    }
    if (compressAt < 0 && count != 8) {
      return null;
    }
    if (compressAt >= 0) {
      if (count == 8) {
        return null;
      }
      int tail = count - compressAt;
      System.arraycopy(groups, compressAt, groups, 8 - tail, tail);
      for (int k = compressAt; k < 8 - tail; k++) {
        groups[k] = 0;
      }
    }
    long high = 0;
    long low = 0;
    for (int k = 0; k < 4; k++) {
      high = (high << 16) | groups[k];
      low = (low << 16) | groups[k + 4];
    }
    return new IpAddress(true, high, low);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
