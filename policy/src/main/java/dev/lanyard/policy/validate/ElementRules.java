package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs every element rule over a parsed document. */
final class ElementRules {
  private ElementRules() {}

  /** Findings in document order; characters are checked on the model when {@code characters}. */
  static List<Finding> check(PolicyDocument doc, PolicyType type, boolean characters) {
    List<Finding> out = new ArrayList<>();
    VersionRules.check(doc, type, out);
    SidRules.check(doc, type, out);
    for (Statement s : doc.statements()) {
      PresenceRules.check(s, type, out);
      ActionRules.check(s, type, out);
      ResourceRules.check(s, doc.version(), out);
      PrincipalRules.check(s, out);
      ConditionRules.check(s, doc.version(), out);
    }
    if (characters) {
      CharacterRules.checkModel(doc, out);
    }
    return out;
  }
}
