package dev.lanyard.policy.compile;

import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.parse.PolicyParseException;
import dev.lanyard.policy.parse.PolicyParser;

/** Compiles JSON policies and builds requests for tests. */
public final class TestPolicies {

  public static final String ALICE = "arn:aws:iam::111122223333:user/alice";

  private TestPolicies() {}

  /** Parses and compiles {@code json}; a parse error fails the test. */
  public static CompiledPolicy compile(String label, String json) {
    try {
      return PolicyCompiler.compile(PolicyParser.parse(json), label);
    } catch (PolicyParseException e) {
      throw new AssertionError("test policy does not parse: " + e.getMessage(), e);
    }
  }

  /** A 2012-10-17 policy with these statements (a JSON array body, without brackets). */
  public static CompiledPolicy statements(String label, String statementsJson) {
    return compile(label, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statementsJson + "]}");
  }

  /** A request by alice with an optional context (alternating keys and values). */
  public static AuthorizationRequest request(String action, String resource, String... context) {
    return AuthorizationRequest.of(RequestPrincipal.fromArn(ALICE, null), action, resource, context(context));
  }

  public static RequestContext context(String... keysAndValues) {
    RequestContext.Builder b = RequestContext.builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.build();
  }
}
