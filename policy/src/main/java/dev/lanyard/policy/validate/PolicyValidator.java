package dev.lanyard.policy.validate;

import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.parse.JsonPath;
import dev.lanyard.policy.parse.PolicyParseException;
import dev.lanyard.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validates policy documents as AWS would for a given {@link PolicyType}: grammar (through
 * {@link PolicyParser}), element rules, allowed characters and size. Findings come sorted by line
 * and column.
 */
public final class PolicyValidator {
  private PolicyValidator() {}

  /** Parses and validates {@code json} with the size limit of {@code type}. */
  public static ValidationReport validate(String json, PolicyType type) {
    Objects.requireNonNull(type, "type");
    return validate(json, type, PolicySizes.defaultLimit(type));
  }

  /**
   * Parses and validates {@code json} with an explicit size limit, e.g. {@link
   * PolicySizes#INLINE_USER} for an inline user policy.
   */
  public static ValidationReport validate(String json, PolicyType type, int sizeLimit) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    if (sizeLimit <= 0) {
      throw new IllegalArgumentException(
          "sizeLimit is " + sizeLimit + "; accepted: a positive number of characters");
    }
    List<Finding> findings = new ArrayList<>();
    PolicyDocument doc = null;
    String text = json;
    try {
      text = PolicyParser.documentText(json);
      doc = PolicyParser.parse(json);
    } catch (PolicyParseException e) {
      findings.add(e.finding());
    }
    int size = PolicySizes.sizeWithoutWhitespace(text);
    if (size > sizeLimit) {
      findings.add(new Finding(Finding.LIMIT_EXCEEDED, Severity.ERROR, JsonPath.ROOT, 1, 1,
          "Cannot exceed quota for PolicySize: " + sizeLimit + "; the policy has " + size
              + " characters (whitespace outside strings not counted), the limit for a "
              + type.cliName() + " policy here is " + sizeLimit));
    }
    if (doc != null) {
      CharacterRules.checkText(text, findings);
      findings.addAll(ElementRules.check(doc, type, false));
    }
    findings.sort(Finding.BY_POSITION);
    return new ValidationReport(type, findings, doc);
  }

  /** The element rules of {@code type} for a parsed document (no size check), sorted by position. */
  public static List<Finding> validate(PolicyDocument doc, PolicyType type) {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(type, "type");
    List<Finding> findings = ElementRules.check(doc, type, true);
    findings.sort(Finding.BY_POSITION);
    return List.copyOf(findings);
  }

}
