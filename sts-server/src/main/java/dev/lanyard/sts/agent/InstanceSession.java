package dev.lanyard.sts.agent;

import dev.lanyard.sts.token.SessionCredentials;
import java.util.Objects;

/**
 * The instance profile role's credentials for an instance.
 *
 * @param assumedRoleId {@code <role id>:<instance id>} (the {@code aws:userid} value)
 * @param arn {@code arn:<partition>:sts::<account>:assumed-role/<role name>/<instance id>}
 */
public record InstanceSession(SessionCredentials credentials, String assumedRoleId, String arn,
    String instanceProfileArn) {
  public InstanceSession {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(assumedRoleId, "assumedRoleId");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(instanceProfileArn, "instanceProfileArn");
  }
}
