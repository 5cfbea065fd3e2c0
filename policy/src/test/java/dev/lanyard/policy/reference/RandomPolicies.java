package dev.lanyard.policy.reference;

import dev.lanyard.policy.model.ConditionClause;
import dev.lanyard.policy.model.ConditionOperator;
import dev.lanyard.policy.model.Effect;
import dev.lanyard.policy.model.PolicyDocument;
import dev.lanyard.policy.model.PolicyVersion;
import dev.lanyard.policy.model.PrincipalClause;
import dev.lanyard.policy.model.PrincipalKind;
import dev.lanyard.policy.model.SetQualifier;
import dev.lanyard.policy.model.SourcePosition;
import dev.lanyard.policy.model.Statement;
import dev.lanyard.policy.model.ValueClause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of policy documents (model objects) and request facts over a small
 * vocabulary, so that random policies and requests often meet: wildcards, variables, NotAction,
 * NotResource, every condition operator family with set qualifiers and IfExists.
 */
final class RandomPolicies {
  static final String A = "111122223333";
  static final String B = "444455556666";
  static final String ALICE = "arn:aws:iam::" + A + ":user/alice";
  static final String SESSION = "arn:aws:sts::" + A + ":assumed-role/app/s1";
  static final String ROLE = "arn:aws:iam::" + A + ":role/app";
  static final String FEDERATED = "arn:aws:sts::" + A + ":federated-user/carol";

  static final List<String> ACTIONS = List.of(
      "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetObjectAcl", "ec2:RunInstances",
      "ec2:StopInstances", "iam:CreateUser", "iam:GetUser");
  private static final List<String> ACTION_PATTERNS = List.of(
      "s3:GetObject", "S3:getobject", "s3:*", "s3:Get*", "s3:*Object", "s3:?etObject", "*",
      "ec2:*Instances", "iam:Get?ser", "iam:*", "ec2:RunInstances", "s3:PutObject");
  static final List<String> RESOURCES = List.of(
      "arn:aws:s3:::bucket/a/b", "arn:aws:s3:::bucket/c", "arn:aws:s3:::other/x",
      "arn:aws:s3:::bucket/alice/x", "arn:aws:s3:::bucket/red/x", "arn:aws:s3:::bucket/*",
      "arn:aws:ec2:us-east-1:" + A + ":instance/i-1", "arn:aws:iam::" + A + ":user/alice");
  private static final List<String> RESOURCE_PATTERNS = List.of(
      "*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::*", "arn:aws:s3:::bucket/?", "arn:aws:s3:::bucket/c",
      "arn:aws:ec2:*:" + A + ":instance/*", "arn:aws:ec2:us-*:*:*", "arn:aws:iam::" + A + ":user/*",
      "arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/a/*");
  private static final List<String> VARIABLE_RESOURCES = List.of(
      "arn:aws:iam::" + A + ":user/${aws:username}", "arn:aws:s3:::bucket/${aws:username}/*",
      "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*", "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'c'}",
      "arn:aws:s3:::bucket/${*}");

  private final Random random;

  RandomPolicies(long seed) {
    this.random = new Random(seed);
  }

  // ---------------------------------------------------------------- requests

  String principal() {
    return pick(List.of(ALICE, ALICE, SESSION, SESSION, FEDERATED));
  }

  String action() {
    return pick(ACTIONS);
  }

  String resource() {
    return pick(RESOURCES);
  }

  String resourceAccount() {
    return random.nextInt(4) == 0 ? B : A;
  }

  /** Context keys, each present about half of the time; aws:TagKeys is multi-valued. */
  Map<String, List<String>> context() {
    Map<String, List<String>> context = new LinkedHashMap<>();
    maybe(context, "aws:PrincipalTag/team", pick(List.of("red", "blue", "c")));
    maybe(context, "s3:prefix", pick(List.of("home/alice", "home/bob/x", "public", "alice/docs", "HOME/x")));
    maybe(context, "s3:max-keys", pick(List.of("5", "10", "15", "10.0")));
    maybe(context, "aws:CurrentTime", pick(List.of("2024-01-01T00:00:00Z", "2024-06-01T12:00:00Z", "1717243200", "2025-02-02T00:00:00Z")));
    maybe(context, "aws:SecureTransport", pick(List.of("true", "false")));
    maybe(context, "aws:SourceIp", pick(List.of("10.1.2.3", "10.200.0.1", "192.0.2.7", "2001:db8::1", "203.0.113.1")));
    maybe(context, "aws:SourceArn", pick(List.of("arn:aws:sns:us-east-1:" + A + ":topic", "arn:aws:sqs:eu-west-1:" + B + ":q1")));
    maybe(context, "test:blob", pick(List.of("QUJD", "REVG")));
    if (random.nextBoolean()) {
      List<String> tags = new ArrayList<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        tags.add(pick(List.of("env", "team", "cost", "Env")));
      }
      context.put("aws:TagKeys", tags);
    }
    return context;
  }

  private void maybe(Map<String, List<String>> context, String key, String value) {
    if (random.nextBoolean()) {
      context.put(random.nextInt(6) == 0 ? key.toUpperCase(java.util.Locale.ROOT) : key, List.of(value));
    }
  }

  // ---------------------------------------------------------------- policies

  /** Identity-style policies have no Principal; resource policies do; RCPs name "*". */
  enum Kind {
    IDENTITY,
    RESOURCE,
    SCP,
    RCP
  }

  PolicyDocument policy(Kind kind) {
    int n = 1 + random.nextInt(3);
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statements.add(statement(i, kind));
    }
    boolean v2008 = random.nextInt(7) == 0;
    return new PolicyDocument(v2008 ? PolicyVersion.V2008_10_17 : PolicyVersion.V2012_10_17, true, null, statements);
  }

  /** An SCP or RCP level: one or two policies, usually one of them allowing everything. */
  List<PolicyDocument> level(Kind kind) {
    List<PolicyDocument> level = new ArrayList<>();
    if (random.nextInt(4) != 0) {
      level.add(allowAll(kind));
    }
    level.add(policy(kind));
    return level;
  }

  private PolicyDocument allowAll(Kind kind) {
    PrincipalClause principal = kind == Kind.RCP ? new PrincipalClause(false, true, Map.of(), SourcePosition.UNKNOWN) : null;
    Statement all = new Statement(0, "All", Effect.ALLOW, principal, values(false, List.of("*")), values(false, List.of("*")),
        List.of(), SourcePosition.UNKNOWN);
    return new PolicyDocument(PolicyVersion.V2012_10_17, true, null, List.of(all));
  }

  private Statement statement(int index, Kind kind) {
    Effect effect = random.nextInt(4) == 0 ? Effect.DENY : Effect.ALLOW;
    ValueClause action = values(random.nextInt(7) == 0, some(ACTION_PATTERNS));
    ValueClause resource;
    if (random.nextInt(5) == 0) {
      resource = values(false, List.of(pick(VARIABLE_RESOURCES)));
    } else {
      resource = values(random.nextInt(7) == 0, some(RESOURCE_PATTERNS));
    }
    List<ConditionClause> conditions = new ArrayList<>();
    int c = random.nextBoolean() ? 0 : 1 + random.nextInt(2);
    for (int i = 0; i < c; i++) {
      conditions.add(condition());
    }
    PrincipalClause principal = switch (kind) {
      case RESOURCE -> resourcePrincipal();
      case RCP -> new PrincipalClause(false, true, Map.of(), SourcePosition.UNKNOWN);
      default -> null;
    };
    String sid = random.nextBoolean() ? "S" + index : null;
    return new Statement(index, sid, effect, principal, action, resource, conditions, SourcePosition.UNKNOWN);
  }

  private PrincipalClause resourcePrincipal() {
    if (random.nextInt(10) == 0) {
      return new PrincipalClause(false, true, Map.of(), SourcePosition.UNKNOWN);
    }
    List<String> ids = some(List.of(ALICE, SESSION, ROLE, FEDERATED, A, "arn:aws:iam::" + A + ":root", B,
        "arn:aws:iam::" + A + ":user/bob", "arn:aws:iam::" + A + ":role/other", "*"));
    return new PrincipalClause(false, false, Map.of(PrincipalKind.AWS, ids), SourcePosition.UNKNOWN);
  }

  private ConditionClause condition() {
    switch (random.nextInt(9)) {
      case 0, 1 -> {
        ConditionOperator op = pick(List.of(ConditionOperator.STRING_EQUALS, ConditionOperator.STRING_NOT_EQUALS,
            ConditionOperator.STRING_EQUALS_IGNORE_CASE, ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE,
            ConditionOperator.STRING_LIKE, ConditionOperator.STRING_NOT_LIKE));
        String key = pick(List.of("aws:PrincipalTag/team", "s3:prefix", "aws:username"));
        List<String> vocabulary = switch (key) {
          case "aws:PrincipalTag/team" -> List.of("red", "RED", "blue", "r*", "?lue", "c");
          case "s3:prefix" -> List.of("home/*", "public", "home/alice", "alice/*", "HOME/*", "*");
          default -> List.of("alice", "ALICE", "al?ce", "bob", "a*");
        };
        List<String> variables = switch (key) {
          case "aws:PrincipalTag/team" -> List.of("${aws:PrincipalTag/team}", "${aws:username, 'red'}");
          case "s3:prefix" -> List.of("${aws:username}/*", "home/${aws:username}");
          default -> List.of("${aws:username}", "${aws:PrincipalTag/team, 'alice'}");
        };
        List<String> values = !op.negated() && random.nextInt(4) == 0 ? List.of(pick(variables)) : some(vocabulary);
        return clause(anyQualifier(), op, key, values);
      }
      case 2 -> {
        ConditionOperator op = pick(List.of(ConditionOperator.STRING_EQUALS, ConditionOperator.STRING_NOT_EQUALS,
            ConditionOperator.STRING_LIKE, ConditionOperator.STRING_EQUALS_IGNORE_CASE));
        SetQualifier q = random.nextBoolean() ? SetQualifier.FOR_ALL_VALUES : SetQualifier.FOR_ANY_VALUE;
        return clause(q, op, "aws:TagKeys", some(List.of("env", "team", "te*", "cost")));
      }
      case 3 -> {
        ConditionOperator op = pick(List.of(ConditionOperator.NUMERIC_EQUALS, ConditionOperator.NUMERIC_NOT_EQUALS,
            ConditionOperator.NUMERIC_LESS_THAN, ConditionOperator.NUMERIC_LESS_THAN_EQUALS,
            ConditionOperator.NUMERIC_GREATER_THAN, ConditionOperator.NUMERIC_GREATER_THAN_EQUALS));
        return clause(anyQualifier(), op, "s3:max-keys", some(List.of("5", "10", "10.00", "12")));
      }
      case 4 -> {
        ConditionOperator op = pick(List.of(ConditionOperator.DATE_EQUALS, ConditionOperator.DATE_NOT_EQUALS,
            ConditionOperator.DATE_LESS_THAN, ConditionOperator.DATE_LESS_THAN_EQUALS,
            ConditionOperator.DATE_GREATER_THAN, ConditionOperator.DATE_GREATER_THAN_EQUALS));
        return clause(anyQualifier(), op, "aws:CurrentTime",
            some(List.of("2024-06-01T12:00:00Z", "2024-06-01T14:00:00+02:00", "1717243200", "2025-01-01T00:00:00Z")));
      }
      case 5 -> {
        if (random.nextBoolean()) {
          return clause(SetQualifier.NONE, ConditionOperator.BOOL, "aws:SecureTransport", some(List.of("true", "false")));
        }
        return clause(SetQualifier.NONE, ConditionOperator.BINARY_EQUALS, "test:blob", some(List.of("QUJD", "WFla")));
      }
      case 6 -> {
        ConditionOperator op = random.nextBoolean() ? ConditionOperator.IP_ADDRESS : ConditionOperator.NOT_IP_ADDRESS;
        return clause(anyQualifier(), op, "aws:SourceIp", some(List.of("10.0.0.0/8", "10.1.0.0/16", "192.0.2.7", "2001:db8::/32")));
      }
      case 7 -> {
        ConditionOperator op = pick(List.of(ConditionOperator.ARN_EQUALS, ConditionOperator.ARN_LIKE,
            ConditionOperator.ARN_NOT_EQUALS, ConditionOperator.ARN_NOT_LIKE));
        return clause(anyQualifier(), op, "aws:SourceArn", some(List.of("arn:aws:sns:*:" + A + ":*",
            "arn:aws:sns:us-east-1:" + A + ":topic", "arn:aws:sqs:*:*:q?", "*")));
      }
      default -> {
        String key = pick(List.of("aws:PrincipalTag/team", "aws:SourceIp", "aws:CurrentTime", "aws:username"));
        return new ConditionClause("Null", SetQualifier.NONE, ConditionOperator.NULL, false, key,
            List.of(random.nextBoolean() ? "true" : "false"), SourcePosition.UNKNOWN);
      }
    }
  }

  private SetQualifier anyQualifier() {
    int r = random.nextInt(6);
    return r == 0 ? SetQualifier.FOR_ALL_VALUES : r == 1 ? SetQualifier.FOR_ANY_VALUE : SetQualifier.NONE;
  }

  private ConditionClause clause(SetQualifier qualifier, ConditionOperator op, String key, List<String> values) {
    boolean ifExists = random.nextInt(4) == 0;
    String text = qualifier.prefix() + op.text() + (ifExists ? "IfExists" : "");
    String writtenKey = random.nextInt(5) == 0 ? key.toUpperCase(java.util.Locale.ROOT) : key;
    return new ConditionClause(text, qualifier, op, ifExists, writtenKey, values, SourcePosition.UNKNOWN);
  }

  private static ValueClause values(boolean negated, List<String> values) {
    return new ValueClause(negated, values, SourcePosition.UNKNOWN);
  }

  private List<String> some(List<String> from) {
    int n = 1 + random.nextInt(2);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(pick(from));
    }
    return out;
  }

  <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  int upTo(int n) {
    return random.nextInt(n + 1);
  }
}
