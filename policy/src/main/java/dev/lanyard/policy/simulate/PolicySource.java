package dev.lanyard.policy.simulate;

import java.util.Objects;

/**
 * One policy document of a scenario, as JSON text, with the label that names it in a decision
 * (e.g. {@code identityPolicies[0]}, {@code serviceControlPolicies[1][0]}).
 */
public record PolicySource(String label, String json) {
  public PolicySource {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(json, "json");
  }

  /** The label only: policy text can be large and is shown by the validator, not here. */
  @Override
  public String toString() {
    return "PolicySource[" + label + ", " + json.length() + " chars]";
  }
}
