package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.model.ValueClause;
import java.util.List;

/**
 * Which statement elements each policy type requires or prohibits.
 *
 * <ul>
 *   <li>Identity, boundary and session policies: no Principal/NotPrincipal; actions and resources
 *       required (IAM "policy grammar": "Has prohibited field Principal", "Policy statement must
 *       contain actions/resources").
 *   <li>Resource-based: Principal or NotPrincipal required; NotPrincipal only with Deny (IAM
 *       "NotPrincipal" page); Resource is required by most services but implied by some (ECR
 *       repository policies), so its absence is a warning.
 *   <li>Trust: Principal required, NotPrincipal not supported (IAM "NotPrincipal" page),
 *       Resource prohibited ("Has prohibited field Resource").
 *   <li>SCPs: the full policy language except Principal and NotPrincipal (AWS Organizations "SCP
 *       syntax", updated September 2025: Allow and Deny statements both accept Condition,
 *       NotAction, Resource and NotResource).
 *   <li>RCPs: Principal must be {@code "*"}; NotPrincipal and NotAction are not supported; Allow
 *       only in the RCPFullAWSAccess shape (AWS Organizations "RCP syntax").
 * </ul>
 */
final class PresenceRules {
  private PresenceRules() {}

  static void check(Statement s, PolicyType type, List<Finding> out) {
    if (s.action() == null) {
      out.add(Finding.error(s.position(),
          "Policy statement must contain actions: add Action (or NotAction)"));
    }
    switch (type) {
      case IDENTITY:
      case BOUNDARY:
      case SESSION:
      case SCP:
        prohibitPrincipal(s, type, out);
        requireResource(s, out);
        break;
      case RESOURCE:
        requirePrincipal(s, "Principal or NotPrincipal", out);
        notPrincipalOnlyWithDeny(s, out);
        if (s.resource() == null) {
          out.add(Finding.warning(s.position(), "statement has no Resource or NotResource; most "
              + "services (S3, SQS, SNS, KMS, Lambda) require one; only some, such as ECR "
              + "repository policies, imply the resource"));
        }
        break;
      case TRUST:
        checkTrust(s, out);
        break;
      case RCP:
        checkRcp(s, out);
        break;
      default:
        throw new IllegalArgumentException("no element rules for policy type " + type);
    }
  }

  private static void checkTrust(Statement s, List<Finding> out) {
    requirePrincipal(s, "Principal", out);
    PrincipalClause p = s.principal();
    if (p != null && p.negated()) {
      out.add(Finding.error(p.position(), "NotPrincipal is not supported in a role trust policy; "
          + "name who may assume the role with Principal"));
    }
    ValueClause r = s.resource();
    if (r != null) {
      out.add(Finding.error(r.position(), "Has prohibited field " + element(r, "Resource")
          + ": a trust policy's resource is the role it belongs to; remove it"));
    }
    ValueClause a = s.action();
    if (a != null && a.negated()) {
      out.add(Finding.warning(a.position(), "NotAction in a trust policy matches every action "
          + "except those listed; use Action with sts:AssumeRole, sts:AssumeRoleWithSAML, "
          + "sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity or sts:SetContext"));
    }
  }

  private static void checkRcp(Statement s, List<Finding> out) {
    requirePrincipal(s, "Principal", out);
    PrincipalClause p = s.principal();
    if (p != null && p.negated()) {
      out.add(Finding.error(p.position(), "NotPrincipal is not supported in RCPs; use "
          + "\"Principal\": \"*\" with a condition on aws:PrincipalArn or aws:PrincipalAccount"));
    } else if (p != null && !p.wildcard()) {
      out.add(Finding.error(p.position(), "RCPs accept only \"Principal\": \"*\"; narrow the "
          + "principals with conditions such as aws:PrincipalOrgID or aws:PrincipalArn"));
    }
    ValueClause a = s.action();
    if (a != null && a.negated()) {
      out.add(Finding.error(a.position(), "NotAction is not supported in RCPs; use Action"));
    }
    requireResource(s, out);
    if (s.effect() == Effect.ALLOW && !isFullAccess(s)) {
      out.add(Finding.error(s.position(), "RCPs support Effect \"Allow\" only in the "
          + "RCPFullAWSAccess shape (Principal \"*\", Action \"*\", Resource \"*\", no Condition); "
          + "use Effect \"Deny\""));
    }
  }

  private static boolean isFullAccess(Statement s) {
    return s.principal() != null && s.principal().wildcard() && !s.principal().negated()
        && isStar(s.action()) && isStar(s.resource()) && s.conditions().isEmpty();
  }

  private static boolean isStar(ValueClause c) {
    return c != null && !c.negated() && c.values().equals(List.of("*"));
  }

  private static void prohibitPrincipal(Statement s, PolicyType type, List<Finding> out) {
    PrincipalClause p = s.principal();
    if (p == null) {
      return;
    }
    String why;
    switch (type) {
      case SCP:
        why = "SCPs apply to the accounts they are attached to and do not support Principal or NotPrincipal";
        break;
      case BOUNDARY:
        why = "a permissions boundary applies to the user or role it is set on and names no principal";
        break;
      case SESSION:
        why = "a session policy applies to the session it is passed to and names no principal";
        break;
      default:
        why = "an identity policy applies to the user, group or role it is attached to and names "
            + "no principal";
        break;
    }
    out.add(Finding.error(p.position(), "Has prohibited field "
        + (p.negated() ? "NotPrincipal" : "Principal") + ": " + why + "; remove it"));
  }

  private static void requirePrincipal(Statement s, String accepted, List<Finding> out) {
    if (s.principal() == null) {
      out.add(Finding.error(s.position(), "Missing required field Principal: this policy type must "
          + "name who it applies to with " + accepted));
    }
  }

  private static void requireResource(Statement s, List<Finding> out) {
    if (s.resource() == null) {
      out.add(Finding.error(s.position(),
          "Policy statement must contain resources: add Resource (or NotResource), e.g. \"*\" or an ARN"));
    }
  }

  private static void notPrincipalOnlyWithDeny(Statement s, List<Finding> out) {
    PrincipalClause p = s.principal();
    if (p != null && p.negated() && s.effect() == Effect.ALLOW) {
      out.add(Finding.error(p.position(), "NotPrincipal must be used with \"Effect\": \"Deny\"; "
          + "with Allow it is not supported"));
    }
  }

  private static String element(ValueClause c, String plain) {
    return c.negated() ? "Not" + plain : plain;
  }

}
