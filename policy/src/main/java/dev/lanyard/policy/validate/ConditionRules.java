package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.Statement;
import java.util.List;

/**
 * Condition keys are non-empty and at most 128 characters (IAM and STS quotas). Policy variables
 * in values are substituted only under 2012-10-17 and only by string and ARN operators.
 */
final class ConditionRules {
  static final int MAX_KEY_LENGTH = 128;

  private ConditionRules() {}

  static void check(Statement s, PolicyVersion version, List<Finding> out) {
    for (ConditionClause c : s.conditions()) {
      String where = "condition key " + ValueText.quote(c.key()) + " under " + c.operatorText();
      if (c.key().isEmpty()) {
        out.add(Finding.error(c.position(), "condition key under " + c.operatorText()
            + " is empty; accepted: a key such as aws:SourceIp or s3:prefix"));
      } else if (c.key().length() > MAX_KEY_LENGTH) {
        out.add(Finding.error(c.position(), where + " is " + c.key().length()
            + " characters long; at most " + MAX_KEY_LENGTH + " are accepted"));
      }
      if (c.values().isEmpty()) {
        out.add(Finding.warning(c.position(), where + " has an empty array of values; give at "
            + "least one value"));
      }
      for (String value : c.values()) {
        if (!ValueText.hasVariable(value)) {
          continue;
        }
        if (!version.supportsVariables()) {
          out.add(VersionRules.literalVariable(c.position(), where, value));
        } else if (!c.operator().allowsVariables()) {
          out.add(Finding.warning(c.position(), where + " has value " + ValueText.quote(value)
              + " with a policy variable; only string and ARN operators substitute variables, so "
              + c.operator().text() + " compares the text literally"));
        }
      }
    }
  }
}
