package dev.lanyard.sts.session;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.token.SessionCredentials;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.SessionPolicy;
import dev.lanyard.sts.token.SessionTags;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions an IAM user (or the account root) makes from its long-term keys: GetSessionToken
 * (no permission needed, optional MFA; the session acts as the user) and GetFederationToken
 * ({@code sts:GetFederationToken} on the federated user, {@code sts:TagSession} for tags; the
 * federated user's permissions are the intersection of the user's policies and the session
 * policies, so without a session policy it has none).
 */
public final class UserSessionOperations {
  private final PolicyLibrary library;
  private final AccessEvaluator access;
  private final MfaCheck mfa;
  private final SessionMinter minter;

  public UserSessionOperations(PolicyLibrary library, AccessEvaluator access, MfaCheck mfa, SessionMinter minter) {
    this.library = library;
    this.access = access;
    this.mfa = mfa;
    this.minter = minter;
  }

  /** GetSessionToken. */
  public SessionCredentials getSessionToken(Caller caller, GetSessionTokenInput in) {
    StsCallerRules.require(caller, "GetSessionToken");
    Duration duration = SessionDuration.forUser(in.durationSeconds(), isRoot(caller));
    Instant mfaAt = mfa.verify(caller, in.serialNumber(), in.tokenCode());
    return minter.mint(SessionGrantFactory.userSession(caller, mfaAt), duration);
  }

  /** GetFederationToken. */
  public FederationTokenResult getFederationToken(Caller caller, GetFederationTokenInput in) {
    StsCallerRules.require(caller, "GetFederationToken");
    String name = ParameterChecks.require("name", in.name(), 2, 32, ParameterChecks.NAME);
    Duration duration = SessionDuration.forUser(in.durationSeconds(), isRoot(caller));
    SessionTags tags = in.tags().resolve(SessionTags.none());
    SessionPolicy policy = in.sessionPolicy().resolve(library);
    Integer packed = PackedPolicyCheck.measure(policy, tags,
        !in.sessionPolicy().isEmpty() || !in.tags().isEmpty());
    String arn = SessionGrantFactory.federatedUserArn(SessionGrantFactory.partitionOf(caller.arn()),
        caller.accountId(), name);
    Map<String, List<String>> keys = new LinkedHashMap<>();
    AssumeRoleOperation.putTagKeys(keys, tags);
    access.require(caller, new AccessEvaluator.Question("sts:GetFederationToken", arn, keys, null, null));
    if (!tags.isEmpty()) {
      access.require(caller, new AccessEvaluator.Question("sts:TagSession", arn, keys, null, null));
    }
    SessionGrant grant = SessionGrantFactory.federatedUser(caller, name, tags, policy);
    return new FederationTokenResult(minter.mint(grant, duration), grant.userId(), arn, packed);
  }

  private static boolean isRoot(Caller caller) {
    return caller.type() == PrincipalType.ACCOUNT_ROOT;
  }
}
