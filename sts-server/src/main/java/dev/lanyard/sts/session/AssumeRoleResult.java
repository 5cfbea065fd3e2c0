package dev.lanyard.sts.session;

import dev.lanyard.sts.token.SessionCredentials;
import java.util.Objects;

/**
 * What AssumeRole returns.
 *
 * @param assumedRoleId {@code <role id>:<session name>}
 * @param arn {@code arn:<partition>:sts::<account>:assumed-role/<role name>/<session name>}
 * @param packedPolicySize present only when a session policy or tags were passed
 * @param sourceIdentity the session's source identity, or null
 */
public record AssumeRoleResult(SessionCredentials credentials, String assumedRoleId, String arn,
    Integer packedPolicySize, String sourceIdentity) {
  public AssumeRoleResult {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(assumedRoleId, "assumedRoleId");
    Objects.requireNonNull(arn, "arn");
  }
}
