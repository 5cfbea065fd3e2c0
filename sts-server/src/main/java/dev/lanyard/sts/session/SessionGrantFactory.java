package dev.lanyard.sts.session;

import dev.lanyard.policy.arn.Arn;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.SessionPolicy;
import dev.lanyard.sts.token.SessionPrincipalType;
import dev.lanyard.sts.token.SessionTags;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link SessionGrant} of each kind of session, with AWS's identifiers: an assumed-role
 * session is {@code arn:<partition>:sts::<account>:assumed-role/<role name>/<session name>} (no
 * path) with user id {@code <role id>:<session name>}; a federated user is
 * {@code arn:<partition>:sts::<account>:federated-user/<name>} with user id {@code <account>:<name>}.
 */
public final class SessionGrantFactory {
  private SessionGrantFactory() {}

  /** The ARN of a role session. */
  public static String assumedRoleArn(Role role, String sessionName) {
    return "arn:" + partitionOf(role.arn()) + ":sts::" + role.accountId() + ":assumed-role/"
        + role.name() + "/" + sessionName;
  }

  /** The ARN of a federated user. */
  public static String federatedUserArn(String partition, String accountId, String name) {
    return "arn:" + partition + ":sts::" + accountId + ":federated-user/" + name;
  }

  /** The partition of an ARN. */
  public static String partitionOf(String arn) {
    return Arn.parse(arn).partition();
  }

  /**
   * A role session.
   *
   * @param mfaAt when MFA was proven (in this call or inherited), or null
   * @param chainDepth 0 unless a role session assumes the role
   * @param sourceAccessKeyId the access key that asked for the session, or null for federation
   */
  public static SessionGrant assumedRole(Role role, String sessionName, String sourceIdentity,
      SessionTags tags, SessionPolicy policy, Instant mfaAt, int chainDepth, String sourceAccessKeyId) {
    return SessionGrant.builder()
        .principalType(SessionPrincipalType.ASSUMED_ROLE)
        .principalArn(assumedRoleArn(role, sessionName))
        .accountId(role.accountId())
        .role(role.arn(), role.id())
        .sessionName(sessionName)
        .sourceIdentity(sourceIdentity)
        .tags(tags)
        .sessionPolicy(policy)
        .mfa(mfaAt)
        .chainDepth(chainDepth)
        .sourceAccessKeyId(sourceAccessKeyId)
        .build();
  }

  /**
   * A role session obtained by federation (AssumeRoleWithWebIdentity, AssumeRoleWithSAML): no MFA,
   * no chain, no source access key, and the federation facts of the verified token (at least
   * {@code provider}, the provider's ARN, which becomes {@code aws:FederatedProvider}).
   */
  public static SessionGrant federatedRole(Role role, String sessionName, String sourceIdentity,
      SessionTags tags, SessionPolicy policy, Map<String, List<String>> federationFacts) {
    SessionGrant.Builder b = assumedRole(role, sessionName, sourceIdentity, tags, policy, null, 0, null)
        .toBuilder();
    federationFacts.forEach(b::federationFact);
    return b.build();
  }

  /** A GetSessionToken session of an IAM user or the account root (long-term caller). */
  public static SessionGrant userSession(Caller caller, Instant mfaAt) {
    boolean root = caller.type() == dev.lanyard.policy.eval.PrincipalType.ACCOUNT_ROOT;
    return SessionGrant.builder()
        .principalType(root ? SessionPrincipalType.ACCOUNT : SessionPrincipalType.USER)
        .principalArn(caller.arn())
        .accountId(caller.accountId())
        .userId(caller.userId())
        .mfa(mfaAt)
        .sourceAccessKeyId(caller.accessKeyId())
        .build();
  }

  /** A GetFederationToken session. */
  public static SessionGrant federatedUser(Caller caller, String name, SessionTags tags, SessionPolicy policy) {
    return SessionGrant.builder()
        .principalType(SessionPrincipalType.FEDERATED_USER)
        .principalArn(federatedUserArn(partitionOf(caller.arn()), caller.accountId(), name))
        .accountId(caller.accountId())
        .sessionName(name)
        .tags(tags)
        .sessionPolicy(policy)
        .sourceAccessKeyId(caller.accessKeyId())
        .build();
  }
}
