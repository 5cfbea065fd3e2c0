package dev.lanyard.policy.reference;

import dev.lanyard.policy.model.ValueClause;
import java.util.List;

/** Action and resource matching, as the IAM documentation describes it. */
final class Resources {
  private Resources() {}

  /** {@code Action}/{@code NotAction}: case-insensitive glob over the whole action name. */
  static boolean actionClauseMatches(ValueClause clause, String action) {
    boolean any = false;
    for (String written : clause.values()) {
      Pattern pattern = Pattern.of(written, false, null);
      if (pattern.globMatches(action, true)) {
        any = true;
      }
    }
    return clause.negated() ? !any : any;
  }

  /**
   * {@code Resource}/{@code NotResource}: {@code *} matches everything; otherwise the ARN is
   * compared segment by segment, case-sensitively. A pattern whose variable has no value matches
   * nothing.
   */
  static boolean resourceClauseMatches(ValueClause clause, String resource, boolean variables, RequestFacts request) {
    boolean any = false;
    for (String written : clause.values()) {
      Pattern pattern = Pattern.of(written, variables, request);
      if (pattern != null && (written.equals("*") || arnMatches(pattern, resource))) {
        any = true;
      }
    }
    return clause.negated() ? !any : any;
  }

  /**
   * Six segments each, every segment a case-sensitive glob; a pattern of fewer segments (such as
   * {@code *}) is one glob over the whole text; a non-ARN never matches an ARN pattern.
   */
  static boolean arnMatches(Pattern pattern, String arn) {
    List<Pattern> patternSegments = pattern.arnSegments();
    String[] arnSegments = arn.split(":", 6);
    if (patternSegments.size() < 6) {
      return pattern.globMatches(arn, false); // e.g. "*"
    }
    if (arnSegments.length < 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      if (!patternSegments.get(i).globMatches(arnSegments[i], false)) {
        return false;
      }
    }
    return true;
  }
}
