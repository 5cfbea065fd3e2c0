package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.parse.JsonPath;
import java.util.List;

/**
 * {@code Version} rules: SCPs and RCPs must state {@code "2012-10-17"} (AWS Organizations "SCP
 * syntax" and "RCP syntax"); under 2008-10-17, or with no Version, variables are literal text.
 */
final class VersionRules {
  private VersionRules() {}

  static void check(PolicyDocument doc, PolicyType type, List<Finding> out) {
    if ((type == PolicyType.SCP || type == PolicyType.RCP)
        && (!doc.versionGiven() || doc.version() != PolicyVersion.V2012_10_17)) {
      SourcePosition at = new SourcePosition(JsonPath.member(JsonPath.ROOT, "Version"), 1, 1);
      out.add(Finding.error(at, (doc.versionGiven()
          ? "Version \"" + doc.version().text() + "\" is not accepted"
          : "Missing required field Version") + " in " + type.name() + "s; accepted: \"2012-10-17\""));
    }
  }

  /** The warning for a variable that stays literal because of the document's version. */
  static Finding literalVariable(SourcePosition at, String where, String value) {
    return Finding.warning(at, where + " value " + ValueText.quote(value) + " has a policy "
        + "variable, which is literal text under Version 2008-10-17 or when Version is missing; "
        + "set \"Version\": \"2012-10-17\" to substitute it");
  }
}
