package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.model.ValueClause;
import java.util.List;

/**
 * {@code Action}/{@code NotAction} values: {@code "*"} or {@code service:action} with {@code *}
 * and {@code ?} wildcards in the action part; the service prefix is letters, digits and
 * {@code -} (AWS compares it case-insensitively; AWS managed policies contain {@code "S3:..."}).
 * Trust policies may only allow the STS actions in {@link TrustActions}. Variables are not
 * substituted in actions (IAM "policy variables").
 */
final class ActionRules {
  private static final String ACCEPTED = "accepted: \"*\" or \"service:action\" with * and ? "
      + "wildcards in the action, e.g. \"s3:GetObject\", \"ec2:Describe*\"";

  private ActionRules() {}

  static void check(Statement s, PolicyType type, List<Finding> out) {
    ValueClause a = s.action();
    if (a == null) {
      return;
    }
    String element = a.negated() ? "NotAction" : "Action";
    for (int i = 0; i < a.values().size(); i++) {
      String value = a.values().get(i);
      SourcePosition at = a.positionOf(i);
      if (ValueText.hasVariable(value)) {
        out.add(Finding.warning(at, element + " " + ValueText.quote(value) + " contains a policy "
            + "variable; AWS does not substitute variables in " + element
            + " and matches the text literally"));
      }
      String problem = problem(ValueText.maskVariables(value));
      if (problem != null) {
        out.add(Finding.error(at, element + " " + ValueText.quote(value) + " " + problem + "; " + ACCEPTED));
      } else if (type == PolicyType.TRUST && !a.negated() && !TrustActions.coversAny(value)) {
        out.add(Finding.error(at, "Action " + ValueText.quote(value) + " is not valid in a role "
            + "trust policy; accepted: " + String.join(", ", TrustActions.ACCEPTED)
            + " or a wildcard covering them"));
      }
    }
  }

  /** What is wrong with an action's format, or null. */
  private static String problem(String value) {
    if (value.equals("*")) {
      return null;
    }
    int colon = value.indexOf(':');
    if (colon < 0) {
      return "has no service prefix (Actions must be prefaced by a vendor, e.g. iam, s3, ec2)";
    }
    String service = value.substring(0, colon);
    String name = value.substring(colon + 1);
    if (service.isEmpty()) {
      return "has an empty service prefix";
    }
    for (int i = 0; i < service.length(); i++) {
      char c = service.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
        return "has service prefix " + ValueText.quote(service)
            + ", which may hold only letters, digits and '-' (no wildcards)";
      }
    }
    if (name.isEmpty()) {
      return "has no action name after the ':' (use e.g. " + service + ":* for every action)";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ':' || Character.isWhitespace(c)) {
        return "has " + (c == ':' ? "a second ':'" : "whitespace") + " in the action name";
      }
    }
    return null;
  }
}
