package dev.lanyard.sts.token;

/** The kind of principal a session acts as: the value of {@code aws:PrincipalType}. */
public enum SessionPrincipalType {
  /** The account's root user (GetSessionToken with root credentials). */
  ACCOUNT("Account"),
  /** An IAM user (GetSessionToken). */
  USER("User"),
  /** A federated user (GetFederationToken). */
  FEDERATED_USER("FederatedUser"),
  /** An assumed role (AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML). */
  ASSUMED_ROLE("AssumedRole");

  private final String awsName;

  SessionPrincipalType(String awsName) {
    this.awsName = awsName;
  }

  /** AWS's spelling, as in {@code aws:PrincipalType}. */
  public String awsName() {
    return awsName;
  }

  /** The type with AWS's spelling, or null. */
  public static SessionPrincipalType fromAwsName(String name) {
    for (SessionPrincipalType type : values()) {
      if (type.awsName.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
