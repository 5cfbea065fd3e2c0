package dev.lanyard.sts.query;

import dev.lanyard.sts.session.AssumeRoleInput;
import dev.lanyard.sts.session.GetFederationTokenInput;
import dev.lanyard.sts.session.GetSessionTokenInput;
import dev.lanyard.sts.session.ParameterChecks;
import dev.lanyard.sts.session.SamlInput;
import dev.lanyard.sts.session.SessionPolicyInput;
import dev.lanyard.sts.session.SessionTagsInput;
import dev.lanyard.sts.session.WebIdentityInput;
import dev.lanyard.sts.store.model.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the service layer's input records from Query parameters, with AWS's parameter names
 * ({@code RoleArn}, {@code PolicyArns.member.N.arn}, {@code Tags.member.N.Key}/{@code Value},
 * {@code TransitiveTagKeys.member.N}, ...), and names the parameters worth auditing (never a token
 * code, an identity token or an assertion; a policy by its length only). Validation of the values is
 * the operations' own; this only reads.
 */
final class QueryInputs {
  private QueryInputs() {}

  static AssumeRoleInput assumeRole(QueryParameters p) {
    refuseProvidedContexts(p);
    return new AssumeRoleInput(p.text("RoleArn"), p.text("RoleSessionName"), sessionPolicy(p),
        p.integer("DurationSeconds"), new SessionTagsInput(tags(p), p.members("TransitiveTagKeys")),
        p.text("ExternalId"), p.text("SerialNumber"), p.text("TokenCode"), p.text("SourceIdentity"));
  }

  static GetSessionTokenInput getSessionToken(QueryParameters p) {
    return new GetSessionTokenInput(p.integer("DurationSeconds"), p.text("SerialNumber"), p.text("TokenCode"));
  }

  static GetFederationTokenInput getFederationToken(QueryParameters p) {
    return new GetFederationTokenInput(p.text("Name"), sessionPolicy(p), p.integer("DurationSeconds"),
        new SessionTagsInput(tags(p), List.of()));
  }

  static WebIdentityInput webIdentity(QueryParameters p) {
    return new WebIdentityInput(p.text("RoleArn"), p.text("RoleSessionName"), p.text("WebIdentityToken"),
        p.text("ProviderId"), sessionPolicy(p), p.integer("DurationSeconds"));
  }

  static SamlInput saml(QueryParameters p) {
    return new SamlInput(p.text("RoleArn"), p.text("PrincipalArn"), p.text("SAMLAssertion"), sessionPolicy(p),
        p.integer("DurationSeconds"));
  }

  /** {@code Policy} and {@code PolicyArns.member.N.arn}. */
  static SessionPolicyInput sessionPolicy(QueryParameters p) {
    List<String> arns = new ArrayList<>();
    for (Map<String, String> member : p.structures("PolicyArns")) {
      arns.add(member.get("arn"));
    }
    for (int i = 0; i < arns.size(); i++) {
      if (arns.get(i) == null) {
        throw ParameterChecks.invalid("policyArns." + (i + 1) + ".member.arn", null,
            "Member must not be null; give PolicyArns.member." + (i + 1) + ".arn");
      }
    }
    return new SessionPolicyInput(p.text("Policy"), arns);
  }

  /** {@code Tags.member.N.Key} and {@code .Value}. */
  static List<Tag> tags(QueryParameters p) {
    List<Map<String, String>> members = p.structures("Tags");
    List<Tag> tags = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      Map<String, String> m = members.get(i);
      String field = "tags." + (i + 1) + ".member";
      if (m.get("Key") == null) {
        throw ParameterChecks.invalid(field + ".key", null, "Member must not be null; give Tags.member."
            + (i + 1) + ".Key");
      }
      if (m.get("Value") == null) {
        throw ParameterChecks.invalid(field + ".value", null, "Member must not be null; give Tags.member."
            + (i + 1) + ".Value (it may be empty)");
      }
      tags.add(new Tag(m.get("Key"), m.get("Value")));
    }
    return tags;
  }

  /** Audited parameters of AssumeRole: no token code, the policy by its length only. */
  static Map<String, Object> auditAssumeRole(QueryParameters p) {
    Map<String, Object> a = new LinkedHashMap<>();
    put(a, "roleArn", p.text("RoleArn"));
    put(a, "roleSessionName", p.text("RoleSessionName"));
    putNumber(a, "durationSeconds", p.text("DurationSeconds"));
    putPolicy(a, p);
    putTagKeys(a, p);
    put(a, "serialNumber", p.text("SerialNumber"));
    put(a, "externalId", p.text("ExternalId"));
    put(a, "sourceIdentity", p.text("SourceIdentity"));
    return a;
  }

  static Map<String, Object> auditGetSessionToken(QueryParameters p) {
    Map<String, Object> a = new LinkedHashMap<>();
    putNumber(a, "durationSeconds", p.text("DurationSeconds"));
    put(a, "serialNumber", p.text("SerialNumber"));
    return a;
  }

  static Map<String, Object> auditGetFederationToken(QueryParameters p) {
    Map<String, Object> a = new LinkedHashMap<>();
    put(a, "name", p.text("Name"));
    putNumber(a, "durationSeconds", p.text("DurationSeconds"));
    putPolicy(a, p);
    putTagKeys(a, p);
    return a;
  }

  /** Audited parameters of the federation calls: the role and provider, never the token or assertion. */
  static Map<String, Object> auditFederation(QueryParameters p) {
    Map<String, Object> a = new LinkedHashMap<>();
    put(a, "roleArn", p.text("RoleArn"));
    put(a, "roleSessionName", p.text("RoleSessionName"));
    put(a, "principalArn", p.text("PrincipalArn"));
    put(a, "providerId", p.text("ProviderId"));
    putNumber(a, "durationSeconds", p.text("DurationSeconds"));
    putPolicy(a, p);
    return a;
  }

  static Map<String, Object> auditAccessKeyInfo(QueryParameters p) {
    Map<String, Object> a = new LinkedHashMap<>();
    put(a, "accessKeyId", p.text("AccessKeyId"));
    return a;
  }

  /**
   * {@code ProvidedContexts} (trusted context assertions from AWS's own context providers, such as
   * IAM Identity Center) has no counterpart in Lanyard: refusing it is safer than silently dropping
   * the context a caller meant to assert.
   */
  private static void refuseProvidedContexts(QueryParameters p) {
    List<Map<String, String>> contexts = p.structures("ProvidedContexts");
    if (!contexts.isEmpty()) {
      Map<String, String> first = contexts.get(0);
      throw new QueryProtocolException(QueryError.invalidParameter("ProvidedContexts",
          "context provider " + QueryParameters.echo(first.get("ProviderArn"))
              + " is not a trusted context provider of this service; Lanyard accepts no provided"
              + " contexts, leave ProvidedContexts.member.N.ProviderArn/ContextAssertion out"));
    }
  }

  private static void putPolicy(Map<String, Object> a, QueryParameters p) {
    String policy = p.text("Policy");
    if (policy != null && !policy.isEmpty()) {
      a.put("policyLength", policy.length());
    }
    List<String> arns = new ArrayList<>();
    p.structures("PolicyArns").forEach(m -> {
      if (m.get("arn") != null) {
        arns.add(m.get("arn"));
      }
    });
    if (!arns.isEmpty()) {
      a.put("policyArns", List.copyOf(arns));
    }
  }

  private static void putTagKeys(Map<String, Object> a, QueryParameters p) {
    List<String> keys = new ArrayList<>();
    p.structures("Tags").forEach(m -> {
      if (m.get("Key") != null) {
        keys.add(m.get("Key"));
      }
    });
    if (!keys.isEmpty()) {
      a.put("tagKeys", List.copyOf(keys));
    }
  }

  /** A number as a number (as the gRPC door audits it), anything else as the text given. */
  private static void putNumber(Map<String, Object> a, String name, String value) {
    if (value != null && value.strip().matches("-?[0-9]{1,9}")) {
      a.put(name, Integer.parseInt(value.strip()));
    } else {
      put(a, name, value);
    }
  }

  private static void put(Map<String, Object> a, String name, String value) {
    if (value != null && !value.isEmpty()) {
      a.put(name, value);
    }
  }
}
