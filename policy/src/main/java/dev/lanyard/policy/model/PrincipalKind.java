package dev.lanyard.policy.model;

/** The keys of a {@code Principal} object. */
public enum PrincipalKind {
  AWS("AWS"),
  FEDERATED("Federated"),
  SERVICE("Service"),
  CANONICAL_USER("CanonicalUser");

  private final String text;

  PrincipalKind(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** The kind with this exact spelling, or null. */
  public static PrincipalKind fromText(String text) {
    for (PrincipalKind k : values()) {
      if (k.text.equals(text)) {
        return k;
      }
    }
    return null;
  }
}
