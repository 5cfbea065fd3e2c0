package dev.lanyard.policy.condition;

/** A CIDR block ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); a bare address is a /32 or /128. */
record IpRange(boolean v6, long high, long low, int prefix) {

  /** Parses a CIDR or an address; null when it is neither. Host bits are cleared. */
  static IpRange parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    IpAddress a = IpAddress.parse(address);
    if (a == null) {
      return null;
    }
    int max = a.v6() ? 128 : 32;
    int prefix = max;
    if (slash >= 0) {
      String bits = text.substring(slash + 1);
      if (bits.isEmpty() || bits.length() > 3) {
        return null;
      }
      prefix = 0;
      for (int i = 0; i < bits.length(); i++) {
        char c = bits.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        prefix = prefix * 10 + (c - '0');
      }
      if (prefix > max) {
        return null;
      }
    }
    if (!a.v6()) {
      long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
      return new IpRange(false, 0, a.low() & mask, prefix);
    }
    return new IpRange(true, a.high() & highMask(prefix), a.low() & lowMask(prefix), prefix);
  }

  /** Whether the address is in this block (same family only). */
  boolean contains(IpAddress a) {
    if (a.v6() != v6) {
      return false;
    }
    if (!v6) {
      long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
      return (a.low() & mask) == low;
    }
    return (a.high() & highMask(prefix)) == high && (a.low() & lowMask(prefix)) == low;
  }

  private static long highMask(int prefix) {
    if (prefix >= 64) {
      return -1L;
    }
    return prefix == 0 ? 0 : -1L << (64 - prefix);
  }

  private static long lowMask(int prefix) {
    if (prefix <= 64) {
      return 0;
    }
    return prefix == 128 ? -1L : -1L << (128 - prefix);
  }
}
