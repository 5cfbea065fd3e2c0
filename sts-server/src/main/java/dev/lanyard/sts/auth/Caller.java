package dev.lanyard.sts.auth;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.token.VerifiedSession;
import java.util.Objects;

/**
 * The authenticated principal of a call, resolved once by the authentication interceptor (or the
 * HTTP front door) and read by handlers from the gRPC {@code Context} through {@link CallerContext}.
 *
 * @param type ACCOUNT_ROOT, USER, ASSUMED_ROLE or FEDERATED_USER
 * @param arn the principal ARN ({@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION} for a role session)
 * @param accountId the principal's account
 * @param userId the {@code aws:userid} value (AIDA… for users, AROA…:session for role sessions,
 *     the account id for root, {@code ACCOUNT:name} for federated users)
 * @param userName the IAM user's name for users and their GetSessionToken sessions, else null
 * @param roleArn the role's ARN (with path) for role sessions, else null
 * @param accessKeyId the access key the call was signed with
 * @param session the verified session for temporary credentials, null for long-term keys
 * @param sourceAddress the caller's IP address as seen by the server, or null
 */
public record Caller(
    PrincipalType type,
    String arn,
    String accountId,
    String userId,
    String userName,
    String roleArn,
    String accessKeyId,
    VerifiedSession session,
    String sourceAddress) {
  public Caller {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
  }

  /** Whether the call was signed with temporary (session) credentials. */
  public boolean temporary() {
    return session != null;
  }

  /** The principal as the policy engine sees it. */
  public RequestPrincipal requestPrincipal() {
    return RequestPrincipal.fromArn(arn, roleArn);
  }

  /** A copy with the source address the front door observed. */
  public Caller withSourceAddress(String address) {
    return new Caller(type, arn, accountId, userId, userName, roleArn, accessKeyId, session, address);
  }

  @Override
  public String toString() {
    return "Caller[" + arn + ", key " + accessKeyId + "]";
  }
}
