package dev.lanyard.sts.session;

import dev.lanyard.sts.token.SessionCredentials;
import java.util.Objects;

/**
 * What GetFederationToken returns.
 *
 * @param federatedUserId {@code <account>:<name>}
 * @param arn {@code arn:<partition>:sts::<account>:federated-user/<name>}
 * @param packedPolicySize present only when a session policy or tags were passed
 */
public record FederationTokenResult(SessionCredentials credentials, String federatedUserId, String arn,
    Integer packedPolicySize) {
  public FederationTokenResult {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(federatedUserId, "federatedUserId");
    Objects.requireNonNull(arn, "arn");
  }
}
