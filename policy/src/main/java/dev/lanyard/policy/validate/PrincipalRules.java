package dev.lanyard.policy.validate;

import dev.lanyard.policy.arn.Arn;
import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.PrincipalKind;
import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.model.Statement;
import java.util.List;

/**
 * Principal values. Under {@code AWS}: {@code "*"}, a 12-digit account id or an IAM/STS ARN (IAM
 * "Principal" page; anything else is "Invalid principal in policy"). Other kinds must not be
 * empty. Variables are not substituted in principals.
 */
final class PrincipalRules {
  private PrincipalRules() {}

  static void check(Statement s, List<Finding> out) {
    PrincipalClause p = s.principal();
    if (p == null || p.wildcard()) {
      return;
    }
    String element = p.negated() ? "NotPrincipal" : "Principal";
    for (PrincipalKind kind : PrincipalKind.values()) {
      List<String> ids = p.idsOf(kind);
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        SourcePosition at = p.positionOf(kind, i);
        String where = element + " " + kind.text() + " value " + ValueText.quote(id);
        if (id.isEmpty()) {
          out.add(Finding.error(at, "Invalid principal in policy: " + where + " is empty"));
          continue;
        }
        if (ValueText.hasVariable(id)) {
          out.add(Finding.warning(at, where + " contains a policy variable; AWS does not "
              + "substitute variables in " + element + " and matches the text literally"));
        }
        if (kind == PrincipalKind.AWS && !isAwsPrincipal(id)) {
          out.add(Finding.error(at, "Invalid principal in policy: " + where + " is not valid; "
              + "accepted: \"*\", a 12-digit account id or an IAM or STS ARN such as "
              + "arn:aws:iam::123456789012:role/name"));
        }
      }
    }
  }

  private static boolean isAwsPrincipal(String id) {
    if (id.equals("*") || isAccountId(id)) {
      return true;
    }
    if (!Arn.isArn(id)) {
      return false;
    }
    String service = Arn.parse(id).service();
    return service.equals("iam") || service.equals("sts");
  }

  private static boolean isAccountId(String id) {
    if (id.length() != 12) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
