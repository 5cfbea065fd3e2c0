package dev.lanyard.policy.eval;

/** The result of an authorization decision. */
public enum Outcome {
  ALLOW,
  EXPLICIT_DENY,
  IMPLICIT_DENY
}
