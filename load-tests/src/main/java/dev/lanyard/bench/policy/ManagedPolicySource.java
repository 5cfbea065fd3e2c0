package dev.lanyard.bench.policy;

import java.util.Objects;

/**
 * One AWS managed policy as the data file holds it.
 *
 * @param name the policy name, e.g. {@code ReadOnlyAccess}
 * @param document the policy document's JSON text
 */
public record ManagedPolicySource(String name, String document) {
  public ManagedPolicySource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(document, "document");
  }

  /** The policy's ARN, {@code arn:aws:iam::aws:policy/NAME}, used as its label in decisions. */
  public String arn() {
    return "arn:aws:iam::aws:policy/" + name;
  }
}
