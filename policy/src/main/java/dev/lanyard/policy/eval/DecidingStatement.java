package dev.lanyard.policy.eval;

import java.util.Objects;

/**
 * A statement that decided: the policy's label, the statement's index in its document, and its
 * {@code Sid} (null when it has none).
 */
public record DecidingStatement(String policy, int statement, String sid) {
  public DecidingStatement {
    Objects.requireNonNull(policy, "policy");
  }
}
