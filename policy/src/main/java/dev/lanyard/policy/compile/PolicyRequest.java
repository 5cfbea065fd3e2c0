package dev.lanyard.policy.compile;

import dev.lanyard.policy.condition.ConditionContext;
import dev.lanyard.policy.match.PrincipalIdentity;

/** What a compiled policy matches a request on. */
public interface PolicyRequest {

  /** Who makes the request. */
  PrincipalIdentity principal();

  /** The action, {@code service:Name}; compared case-insensitively. */
  String action();

  /** The resource ARN (or {@code *} for actions without a resource); case-sensitive. */
  String resource();

  /** The condition keys and values. */
  ConditionContext context();
}
