package dev.lanyard.policy.match;

import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.PrincipalKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled {@code Principal} or {@code NotPrincipal} element.
 *
 * <p>Under {@code AWS}: {@code *} names everyone ({@code "Principal": "*"} and
 * {@code {"AWS": "*"}} are equivalent); a 12-digit account id or {@code arn:<partition>:iam::<account>:root}
 * names every principal of that account; any other value is an exact ARN (user, role, assumed-role
 * session, federated user). A role ARN also names every session of that role. {@code Service},
 * {@code Federated} and {@code CanonicalUser} values are compared exactly.
 */
public final class PrincipalMatcher {

  private final boolean negated;
  private final boolean everyone;
  private final Set<String> accounts;
  private final Set<String> arns;
  private final Set<String> services;
  private final Set<String> federated;
  private final Set<String> canonicalUsers;

  private PrincipalMatcher(PrincipalClause clause) {
    this.negated = clause.negated();
    boolean all = clause.wildcard();
    Set<String> accountSet = new HashSet<>();
    Set<String> arnSet = new HashSet<>();
    for (String id : clause.idsOf(PrincipalKind.AWS)) {
      if (id.equals("*")) {
        all = true;
      } else if (isAccountId(id)) {
        accountSet.add(id);
      } else {
        String rootAccount = rootArnAccount(id);
        if (rootAccount != null) {
          accountSet.add(rootAccount);
        } else {
          arnSet.add(id);
        }
      }
    }
    this.everyone = all;
    this.accounts = Set.copyOf(accountSet);
    this.arns = Set.copyOf(arnSet);
    this.services = Set.copyOf(new HashSet<>(clause.idsOf(PrincipalKind.SERVICE)));
    this.federated = Set.copyOf(new HashSet<>(clause.idsOf(PrincipalKind.FEDERATED)));
    this.canonicalUsers = Set.copyOf(new HashSet<>(clause.idsOf(PrincipalKind.CANONICAL_USER)));
  }

  /** Compiles a {@code Principal} or {@code NotPrincipal} clause. */
  public static PrincipalMatcher compile(PrincipalClause clause) {
    return new PrincipalMatcher(clause);
  }

  /** Whether this is a {@code NotPrincipal}. */
  public boolean negated() {
    return negated;
  }

  /**
   * How directly the listed principals name {@code p}, ignoring {@link #negated()}. A role
   * session named both by its session ARN and its role ARN gets the stronger grant.
   */
  public PrincipalGrant grant(PrincipalIdentity p) {
    if (everyone) {
      return PrincipalGrant.DIRECT;
    }
    PrincipalKind kind = p.principalKind();
    if (kind == null) {
      return PrincipalGrant.NONE;
    }
    String arn = p.arn();
    switch (kind) {
      case SERVICE:
        return services.contains(arn) ? PrincipalGrant.DIRECT : PrincipalGrant.NONE;
      case FEDERATED:
        return federated.contains(arn) ? PrincipalGrant.DIRECT : PrincipalGrant.NONE;
      case CANONICAL_USER:
        return canonicalUsers.contains(arn) ? PrincipalGrant.DIRECT : PrincipalGrant.NONE;
      default:
        break;
    }
    if (!p.accountRoot() && arn != null && arns.contains(arn)) {
      return PrincipalGrant.DIRECT;
    }
    String role = p.roleArn();
    String sourceUser = p.sourceUserArn();
    if ((role != null && arns.contains(role)) || (sourceUser != null && arns.contains(sourceUser))) {
      return PrincipalGrant.ENTITY;
    }
    String account = p.accountId();
    if (account != null && accounts.contains(account)) {
      return PrincipalGrant.ACCOUNT;
    }
    return PrincipalGrant.NONE;
  }

  /**
   * Whether the element lists every identity the principal is evaluated as, which is what a
   * {@code NotPrincipal} needs to leave the principal out. AWS evaluates a user as its account and
   * its user ARN, and a role session as its account, its role and its session ("AWS JSON policy
   * elements: NotPrincipal"): all of them must be listed.
   */
  public boolean listsAllIdentitiesOf(PrincipalIdentity p) {
    if (everyone) {
      return true;
    }
    PrincipalKind kind = p.principalKind();
    if (kind == null) {
      return false;
    }
    String arn = p.arn();
    switch (kind) {
      case SERVICE:
        return services.contains(arn);
      case FEDERATED:
        return federated.contains(arn);
      case CANONICAL_USER:
        return canonicalUsers.contains(arn);
      default:
        break;
    }
    String account = p.accountId();
    if (account == null || !accounts.contains(account)) {
      return false;
    }
    if (p.accountRoot()) {
      return true;
    }
    if (arn == null || !arns.contains(arn)) {
      return false;
    }
    String role = p.roleArn();
    return role == null || arns.contains(role);
  }

  /** Whether {@code p} is named: for {@code Principal} any grant, for {@code NotPrincipal} not all listed. */
  public boolean applies(PrincipalIdentity p) {
    return negated ? !listsAllIdentitiesOf(p) : grant(p) != PrincipalGrant.NONE;
  }

  /** Whether {@code text} is a 12-digit account id. */
  public static boolean isAccountId(String text) {
    if (text.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The account of {@code arn:<partition>:iam::<account>:root}, or null for any other text. */
  public static String rootArnAccount(String text) {
    if (!text.startsWith("arn:") || !text.endsWith(":root")) {
      return null;
    }
    List<String> parts = List.of(text.split(":", -1));
    if (parts.size() != 6 || !parts.get(2).equals("iam") || !parts.get(3).isEmpty()
        || !isAccountId(parts.get(4))) {
      return null;
    }
    return parts.get(4);
  }
}
