package dev.lanyard.policy.eval;

/** The kinds of policy that take part in a decision. */
public enum PolicyKind {
  SERVICE_CONTROL_POLICY("service control policy"),
  RESOURCE_CONTROL_POLICY("resource control policy"),
  RESOURCE_POLICY("resource-based policy"),
  IDENTITY_POLICY("identity-based policy"),
  PERMISSIONS_BOUNDARY("permissions boundary"),
  SESSION_POLICY("session policy");

  private final String description;

  PolicyKind(String description) {
    this.description = description;
  }

  /** Lower-case words for messages, e.g. {@code permissions boundary}. */
  public String description() {
    return description;
  }
}
