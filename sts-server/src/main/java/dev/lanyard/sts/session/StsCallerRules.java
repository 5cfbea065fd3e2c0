package dev.lanyard.sts.session;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

/**
 * Which credentials may call which STS operations, as AWS restricts them: federation-token sessions
 * may call only GetCallerIdentity; GetSessionToken sessions only AssumeRole and GetCallerIdentity;
 * GetSessionToken and GetFederationToken need long-term credentials; the account root cannot assume
 * roles.
 */
public final class StsCallerRules {
  private StsCallerRules() {}

  /** Refuses the call with {@code AccessDenied} when {@code caller}'s credentials may not make it. */
  public static void require(Caller caller, String operation) {
    if (operation.equals("GetCallerIdentity")) {
      return;
    }
    if ((operation.equals("GetSessionToken") || operation.equals("GetFederationToken"))
        && caller.temporary()) {
      throw new LanyardException(AwsErrorCode.AccessDenied,
          "Cannot call " + operation + " with session credentials");
    }
    if (caller.type() == PrincipalType.FEDERATED_USER) {
      throw denied(caller, operation, "credentials from GetFederationToken may call only GetCallerIdentity");
    }
    if (caller.temporary() && caller.type() != PrincipalType.ASSUMED_ROLE
        && !operation.equals("AssumeRole")) {
      throw denied(caller, operation,
          "credentials from GetSessionToken may call only AssumeRole and GetCallerIdentity");
    }
    if (operation.equals("AssumeRole") && caller.type() == PrincipalType.ACCOUNT_ROOT) {
      throw new LanyardException(AwsErrorCode.AccessDenied, "Roles may not be assumed by root accounts.");
    }
  }

  private static LanyardException denied(Caller caller, String operation, String why) {
    return new LanyardException(AwsErrorCode.AccessDenied, "User: " + caller.arn()
        + " is not authorized to perform: sts:" + operation + " (" + why + ")");
  }
}
