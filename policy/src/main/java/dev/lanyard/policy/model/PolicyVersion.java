package dev.lanyard.policy.model;

/**
 * A policy language version. Under {@code 2008-10-17} (also the version of a document that names
 * none) policy variables are literal text; under {@code 2012-10-17} they are substituted.
 */
public enum PolicyVersion {
  V2012_10_17("2012-10-17"),
  V2008_10_17("2008-10-17");

  private final String text;

  PolicyVersion(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** Whether {@code ${...}} in resources and condition values is a variable. */
  public boolean supportsVariables() {
    return this == V2012_10_17;
  }

  /** The version with this spelling, or null when there is none. */
  public static PolicyVersion fromText(String text) {
    for (PolicyVersion v : values()) {
      if (v.text.equals(text)) {
        return v;
      }
    }
    return null;
  }
}
