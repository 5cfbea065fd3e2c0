package dev.lanyard.sts.agent;

import java.util.Objects;

/**
 * A host enrolled with a join token.
 *
 * @param instanceId {@code i-} and 17 lowercase hex digits
 * @param roleArn the instance profile's role, or null while the profile has none
 */
public record Enrolment(String instanceId, String instanceProfileArn, String roleArn, String accountId) {
  public Enrolment {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(instanceProfileArn, "instanceProfileArn");
    Objects.requireNonNull(accountId, "accountId");
  }
}
