package dev.lanyard.policy.compile;

import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles a parsed {@link PolicyDocument} into a {@link CompiledPolicy}. Compilation does not
 * validate (the validator does that) and does not fail on odd values: a condition value that does
 * not parse for its operator makes that condition false, and a statement without an action never
 * applies.
 */
public final class PolicyCompiler {

  private PolicyCompiler() {}

  /**
   * Compiles {@code doc}.
   *
   * @param label how decisions name this policy, e.g. {@code identityPolicies[0]} or a policy ARN
   */
  public static CompiledPolicy compile(PolicyDocument doc, String label) {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(label, "label");
    List<CompiledStatement> statements = new ArrayList<>(doc.statements().size());
    int ordinal = 0;
    for (Statement statement : doc.statements()) {
      statements.add(new CompiledStatement(ordinal++, statement, doc.version()));
    }
    return new CompiledPolicy(label, doc.version(), statements);
  }
}
