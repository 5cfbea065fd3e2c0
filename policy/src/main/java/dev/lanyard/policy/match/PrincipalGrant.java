package dev.lanyard.policy.match;

/**
 * How directly a {@code Principal} element names the request's principal, weakest first. AWS
 * treats a same-account resource-policy allow differently for each (IAM User Guide, "Policy
 * evaluation logic", table "Resource-based policies and implicit denies in other policy types").
 */
public enum PrincipalGrant {
  /** The element does not name the principal. */
  NONE,
  /** Names the principal's account ({@code 111122223333} or {@code arn:...:root}): delegation. */
  ACCOUNT,
  /**
   * Names the IAM entity behind a session: the role of an assumed-role session, or the IAM user
   * who federated a federated-user session. Limited by the boundary and the session policies.
   */
  ENTITY,
  /**
   * Names the principal itself: a user ARN, a role-session ARN, a federated-user ARN, a service,
   * an identity provider, a canonical user, or {@code *}.
   */
  DIRECT
}
