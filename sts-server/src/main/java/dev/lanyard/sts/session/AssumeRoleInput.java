package dev.lanyard.sts.session;

/**
 * The parameters of AssumeRole, as AWS names them. Optional text parameters are null or empty when
 * absent.
 *
 * @param tokenCode the MFA code: a secret, never printed
 */
public record AssumeRoleInput(
    String roleArn,
    String roleSessionName,
    SessionPolicyInput sessionPolicy,
    Integer durationSeconds,
    SessionTagsInput tags,
    String externalId,
    String serialNumber,
    String tokenCode,
    String sourceIdentity) {

  public AssumeRoleInput {
    sessionPolicy = sessionPolicy == null ? SessionPolicyInput.none() : sessionPolicy;
    tags = tags == null ? SessionTagsInput.none() : tags;
  }

  @Override
  public String toString() {
    return "AssumeRoleInput[roleArn=" + roleArn + ", roleSessionName=" + roleSessionName
        + ", durationSeconds=" + durationSeconds + ", serialNumber=" + serialNumber
        + ", tokenCode=" + (tokenCode == null ? "null" : "***") + "]";
  }
}
