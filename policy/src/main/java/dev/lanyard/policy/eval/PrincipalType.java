package dev.lanyard.policy.eval;

import dev.lanyard.policy.model.PrincipalKind;

/** What kind of principal makes a request. */
public enum PrincipalType {
  /** The root user of an account: {@code arn:aws:iam::111122223333:root}. */
  ACCOUNT_ROOT("Account", PrincipalKind.AWS),
  /** An IAM user: {@code arn:aws:iam::111122223333:user/path/name}. */
  USER("User", PrincipalKind.AWS),
  /** A role session: {@code arn:aws:sts::111122223333:assumed-role/role-name/session-name}. */
  ASSUMED_ROLE("AssumedRole", PrincipalKind.AWS),
  /** A federated-user session from GetFederationToken: {@code arn:aws:sts::111122223333:federated-user/name}. */
  FEDERATED_USER("FederatedUser", PrincipalKind.AWS),
  /** An unauthenticated caller; only resource-based policies naming {@code *} can allow it. */
  ANONYMOUS("Anonymous", null),
  /** A service principal such as {@code ec2.amazonaws.com} (resource and trust policies). */
  SERVICE("Service", PrincipalKind.SERVICE),
  /** A web-identity (OIDC) caller of AssumeRoleWithWebIdentity, named by its provider. */
  WEB_IDENTITY_USER("WebIdentityUser", PrincipalKind.FEDERATED),
  /** A SAML caller of AssumeRoleWithSAML, named by its provider's ARN. */
  SAML_USER("SAMLUser", PrincipalKind.FEDERATED),
  /** An S3 canonical user id. */
  CANONICAL_USER("CanonicalUser", PrincipalKind.CANONICAL_USER);

  private final String contextValue;
  private final PrincipalKind principalKind;

  PrincipalType(String contextValue, PrincipalKind principalKind) {
    this.contextValue = contextValue;
    this.principalKind = principalKind;
  }

  /** The value AWS puts in {@code aws:PrincipalType} for this kind of principal. */
  public String contextValue() {
    return contextValue;
  }

  /** The key of the {@code Principal} element that names this kind of principal, or null. */
  public PrincipalKind principalKind() {
    return principalKind;
  }

  /** Whether identity-based policies and a permissions boundary apply (users and sessions). */
  public boolean hasIdentityPolicies() {
    return this == USER || this == ASSUMED_ROLE || this == FEDERATED_USER;
  }

  /** Whether session policies apply (role sessions and federated-user sessions). */
  public boolean isSession() {
    return this == ASSUMED_ROLE || this == FEDERATED_USER;
  }

  /** Whether the principal belongs to an account, so that its account's SCPs apply. */
  public boolean hasAccount() {
    return principalKind == PrincipalKind.AWS;
  }
}
