package dev.lanyard.policy.match;

import dev.lanyard.policy.model.PrincipalKind;

/** The facts about a request's principal that the {@code Principal} element is matched against. */
public interface PrincipalIdentity {

  /**
   * Under which key of a {@code Principal} element this principal is named: {@code AWS} for
   * accounts, users, role sessions and federated users; {@code Service}; {@code Federated} for a
   * web-identity or SAML provider; {@code CanonicalUser}; null for an anonymous principal.
   */
  PrincipalKind principalKind();

  /**
   * The principal's own name: its ARN (root, user, assumed-role session, federated user), or the
   * service name, identity provider or canonical user id; null when anonymous.
   */
  String arn();

  /** The principal's account, or null (anonymous, service, web identity). */
  String accountId();

  /** For an assumed-role session, the role's ARN (a resource policy naming the role matches). */
  String roleArn();

  /** For a federated-user session, the ARN of the IAM user who federated, or null. */
  String sourceUserArn();

  /** Whether this is the root user of {@link #accountId()}. */
  boolean accountRoot();
}
