package dev.lanyard.sdk.verify;

/** The kind of principal a session acts as: the value of {@code aws:PrincipalType}. */
public enum PrincipalType {
  /** The account's root user (GetSessionToken with root credentials). */
  ACCOUNT("Account"),
  /** An IAM user (GetSessionToken). */
  USER("User"),
  /** A federated user (GetFederationToken). */
  FEDERATED_USER("FederatedUser"),
  /** An assumed role (AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML, instances). */
  ASSUMED_ROLE("AssumedRole");

  private final String awsName;

  PrincipalType(String awsName) {
    this.awsName = awsName;
  }

  /** AWS's spelling, as in {@code aws:PrincipalType}. */
  public String awsName() {
    return awsName;
  }

  /** The type with AWS's spelling, or null when there is none. */
  static PrincipalType fromAwsName(String name) {
    for (PrincipalType type : values()) {
      if (type.awsName.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
