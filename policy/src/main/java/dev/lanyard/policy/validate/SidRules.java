package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Sid} rules. IAM ("IAM JSON policy elements: Sid"): unique within the policy and only
 * ASCII letters and digits; this covers every IAM document (identity, boundary, session, trust)
 * and, per the Organizations syntax pages, SCPs and RCPs. Resource-based policies follow their
 * service: S3 bucket policies accept spaces and punctuation, and only some services (SQS, SNS)
 * demand uniqueness, so there a duplicate is a warning.
 */
final class SidRules {
  private SidRules() {}

  static void check(PolicyDocument doc, PolicyType type, List<Finding> out) {
    boolean iamRules = type != PolicyType.RESOURCE;
    Map<String, Statement> seen = new HashMap<>();
    for (Statement s : doc.statements()) {
      String sid = s.sid();
      if (sid == null) {
        continue;
      }
      if (iamRules && !isAlphanumeric(sid)) {
        out.add(Finding.error(ValueText.member(s, "Sid"), "Statement IDs (SID) must be "
            + "alpha-numeric: " + ValueText.quote(sid) + " has other characters; accepted: A-Z, "
            + "a-z and 0-9 (regular expression [0-9A-Za-z]*)"));
      }
      Statement first = sid.isEmpty() ? null : seen.putIfAbsent(sid, s);
      if (first != null) {
        String message = "Statement IDs (SID) in a single policy must be unique: "
            + ValueText.quote(sid) + " is also the Sid of statement " + first.index();
        out.add(iamRules
            ? Finding.error(ValueText.member(s, "Sid"), message)
            : Finding.warning(ValueText.member(s, "Sid"), message));
      }
    }
  }

  private static boolean isAlphanumeric(String sid) {
    for (int i = 0; i < sid.length(); i++) {
      char c = sid.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
