package dev.lanyard.sts.token;

import java.util.Arrays;

/**
 * A session's secret access key. It never prints: {@link #toString()} says it is redacted. Read it
 * with {@link #copyChars()} (for SigV4) or {@link #reveal()} (to return it to the caller once).
 * Two instances are equal only if they are the same object.
 */
public final class SessionSecret {
  private final char[] chars;

  /** Takes ownership of {@code chars}. */
  SessionSecret(char[] chars) {
    this.chars = chars;
  }

  /** A copy of the secret's characters; the caller should overwrite it after use. */
  public char[] copyChars() {
    return Arrays.copyOf(chars, chars.length);
  }

  /** The secret as a string, for the one response that returns it to the session's owner. */
  public String reveal() {
    return new String(chars);
  }

  public int length() {
    return chars.length;
  }

  @Override
  public String toString() {
    return "SessionSecret[redacted]";
  }
}
