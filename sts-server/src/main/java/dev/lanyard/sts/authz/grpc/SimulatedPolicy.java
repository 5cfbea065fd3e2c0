package dev.lanyard.sts.authz.grpc;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.compile.PolicyCompiler;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.parse.PolicyParseException;
import dev.lanyard.policy.parse.PolicyParser;
import dev.lanyard.policy.validate.Finding;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.policy.validate.PolicyValidator;
import dev.lanyard.policy.validate.Severity;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

/**
 * A policy taking part in a simulation, named as AWS's simulator names its sources.
 *
 * @param id AWS's {@code SourcePolicyId}: {@code PolicyInputList.1}, a managed policy ARN, or
 *     {@code <user|group|role name>_<inline policy name>}
 * @param sourceType AWS's {@code SourcePolicyType}: user, group, role, aws-managed, user-managed,
 *     resource, none
 * @param document the parsed document, for statement positions and condition keys
 * @param compiled the document compiled under {@code id}
 */
record SimulatedPolicy(String id, String sourceType, PolicyDocument document, CompiledPolicy compiled) {

  /** A stored document (validated when it was written). */
  static SimulatedPolicy stored(String id, String sourceType, String json) {
    try {
      PolicyDocument doc = PolicyParser.parse(json);
      return new SimulatedPolicy(id, sourceType, doc, PolicyCompiler.compile(doc, id));
    } catch (PolicyParseException e) {
      throw new LanyardException(AwsErrorCode.ServiceFailure,
          "stored policy " + id + " no longer parses: " + e.finding().message());
    }
  }

  /** A document from the request, validated as {@code type}; {@code MalformedPolicyDocument} naming the field. */
  static SimulatedPolicy supplied(String field, String sourceType, String json, PolicyType type) {
    PolicyDocument doc;
    try {
      doc = PolicyParser.parse(json);
    } catch (PolicyParseException e) {
      throw malformed(field, e.finding());
    }
    for (Finding f : PolicyValidator.validate(doc, type)) {
      if (f.severity() == Severity.ERROR) {
        throw malformed(field, f);
      }
    }
    return new SimulatedPolicy(field, sourceType, doc, PolicyCompiler.compile(doc, field));
  }

  private static LanyardException malformed(String field, Finding f) {
    return new LanyardException(AwsErrorCode.MalformedPolicyDocument, field + ": " + f.message() + " at "
        + f.path() + " (line " + f.line() + ", column " + f.column() + ")");
  }
}
