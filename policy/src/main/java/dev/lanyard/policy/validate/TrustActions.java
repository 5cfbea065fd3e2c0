package dev.lanyard.policy.validate;

import java.util.List;

/**
 * The actions a role trust policy may allow (IAM "role trust policy" and STS docs), and a
 * case-insensitive {@code *}/{@code ?} glob to test a pattern against them.
 */
final class TrustActions {
  static final List<String> ACCEPTED = List.of("sts:AssumeRole", "sts:AssumeRoleWithSAML",
      "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext");

  private TrustActions() {}

  /** Whether the action pattern covers at least one trust action. */
  static boolean coversAny(String pattern) {
    for (String action : ACCEPTED) {
      if (globMatches(pattern, action)) {
        return true;
      }
    }
    return false;
  }

  /** Case-insensitive glob: {@code *} any run, {@code ?} one character. Linear backtracking. */
  static boolean globMatches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t)))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b) {
    return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
  }
}
