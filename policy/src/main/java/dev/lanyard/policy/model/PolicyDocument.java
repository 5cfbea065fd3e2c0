package dev.lanyard.policy.model;

import java.util.List;
import java.util.Objects;

/**
 * A parsed policy document. {@code version} is {@link PolicyVersion#V2008_10_17} when the document
 * names none ({@code versionGiven} false). {@code id} is null when absent.
 */
public record PolicyDocument(
    PolicyVersion version, boolean versionGiven, String id, List<Statement> statements) {
  public PolicyDocument {
    Objects.requireNonNull(version, "version");
    statements = List.copyOf(statements);
  }
}
