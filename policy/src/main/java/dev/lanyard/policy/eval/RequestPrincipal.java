package dev.lanyard.policy.eval;

import dev.lanyard.policy.arn.Arn;
import dev.lanyard.policy.match.PrincipalIdentity;
import dev.lanyard.policy.match.PrincipalMatcher;
import dev.lanyard.policy.model.PrincipalKind;
import java.util.Objects;

/**
 * The principal making a request.
 *
 * @param type what kind of principal
 * @param arn its ARN (root, user, assumed-role session, federated user); for {@code SERVICE},
 *     {@code WEB_IDENTITY_USER}, {@code SAML_USER} and {@code CANONICAL_USER} the service name,
 *     provider or canonical id; null for {@code ANONYMOUS}
 * @param accountId its 12-digit account; null for principals outside any account
 * @param roleArn for an assumed-role session, the role's ARN (with its path); else null
 * @param sourceUserArn for a federated-user session, the ARN of the IAM user who called
 *     GetFederationToken when known; else null
 */
public record RequestPrincipal(
    PrincipalType type, String arn, String accountId, String roleArn, String sourceUserArn)
    implements PrincipalIdentity {

  private static final String EXPECTED =
      "expected arn:<partition>:iam::<account>:root, arn:<partition>:iam::<account>:user/<name>, "
          + "arn:<partition>:sts::<account>:assumed-role/<role>/<session> or "
          + "arn:<partition>:sts::<account>:federated-user/<name>";

  /** Checks that the fields fit the type. */
  public RequestPrincipal {
    Objects.requireNonNull(type, "type");
    if (type != PrincipalType.ANONYMOUS && (arn == null || arn.isEmpty())) {
      throw new IllegalArgumentException("principal arn is missing; a " + type + " principal needs one");
    }
    if (type.hasAccount() && (accountId == null || !PrincipalMatcher.isAccountId(accountId))) {
      throw new IllegalArgumentException(
          "principal accountId '" + accountId + "' is not a 12-digit account id; a " + type + " principal needs one");
    }
    if (type != PrincipalType.ASSUMED_ROLE && roleArn != null) {
      throw new IllegalArgumentException("principal roleArn is only for ASSUMED_ROLE principals, not " + type);
    }
    if (type != PrincipalType.FEDERATED_USER && sourceUserArn != null) {
      throw new IllegalArgumentException("principal sourceUserArn is only for FEDERATED_USER principals, not " + type);
    }
  }

  /**
   * Reads a root, user, assumed-role session or federated-user ARN.
   *
   * @param parentArn for an assumed-role session, the role's ARN (null derives
   *     {@code arn:<partition>:iam::<account>:role/<role>}, which has no path); for a federated
   *     user, the ARN of the IAM user who federated (null when unknown); ignored otherwise
   * @throws IllegalArgumentException when {@code arn} is none of these
   */
  public static RequestPrincipal fromArn(String arn, String parentArn) {
    Arn parsed;
    try {
      parsed = Arn.parse(arn);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("principal: " + e.getMessage() + "; " + EXPECTED, e);
    }
    String account = parsed.account();
    String resource = parsed.resource();
    if (!PrincipalMatcher.isAccountId(account) || !parsed.region().isEmpty()) {
      throw new IllegalArgumentException(
          "principal '" + arn + "' must have an empty region and a 12-digit account; " + EXPECTED);
    }
    if (parsed.service().equals("iam")) {
      if (resource.equals("root")) {
        return new RequestPrincipal(PrincipalType.ACCOUNT_ROOT, arn, account, null, null);
      }
      if (resource.startsWith("user/") && resource.length() > 5 && !resource.endsWith("/")) {
        return new RequestPrincipal(PrincipalType.USER, arn, account, null, null);
      }
    } else if (parsed.service().equals("sts")) {
      if (resource.startsWith("assumed-role/")) {
        String rest = resource.substring("assumed-role/".length());
        int slash = rest.indexOf('/');
        if (slash > 0 && slash < rest.length() - 1) {
          String role = parentArn != null
              ? parentArn
              : "arn:" + parsed.partition() + ":iam::" + account + ":role/" + rest.substring(0, slash);
          return new RequestPrincipal(PrincipalType.ASSUMED_ROLE, arn, account, role, null);
        }
      } else if (resource.startsWith("federated-user/") && resource.length() > "federated-user/".length()) {
        return new RequestPrincipal(PrincipalType.FEDERATED_USER, arn, account, null, parentArn);
      }
    }
    throw new IllegalArgumentException("principal '" + arn + "' is not a principal ARN; " + EXPECTED);
  }

  /** The anonymous principal. */
  public static RequestPrincipal anonymous() {
    return new RequestPrincipal(PrincipalType.ANONYMOUS, null, null, null, null);
  }

  /** A service principal such as {@code ec2.amazonaws.com}. */
  public static RequestPrincipal service(String servicePrincipal) {
    return new RequestPrincipal(PrincipalType.SERVICE, servicePrincipal, null, null, null);
  }

  /** A web-identity caller, named as trust policies name its provider ({@code Federated}). */
  public static RequestPrincipal webIdentity(String provider) {
    return new RequestPrincipal(PrincipalType.WEB_IDENTITY_USER, provider, null, null, null);
  }

  /** A SAML caller, named by the SAML provider's ARN ({@code Federated}). */
  public static RequestPrincipal saml(String providerArn) {
    return new RequestPrincipal(PrincipalType.SAML_USER, providerArn, null, null, null);
  }

  /** An S3 canonical user. */
  public static RequestPrincipal canonicalUser(String canonicalId) {
    return new RequestPrincipal(PrincipalType.CANONICAL_USER, canonicalId, null, null, null);
  }

  @Override
  public PrincipalKind principalKind() {
    return type.principalKind();
  }

  @Override
  public boolean accountRoot() {
    return type == PrincipalType.ACCOUNT_ROOT;
  }

  /**
   * The value AWS puts in {@code aws:PrincipalArn}: the role's ARN for a role session, else the
   * principal's ARN; null when anonymous.
   */
  public String principalArnContextValue() {
    return type == PrincipalType.ASSUMED_ROLE ? roleArn : arn;
  }
}
