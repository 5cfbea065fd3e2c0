package dev.lanyard.policy.simulate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code request} of a scenario. {@code roleArn} and {@code resourceAccount} are null when the
 * scenario does not give them; {@code context} keeps the scenario's key order.
 */
public record ScenarioRequest(
    String principal,
    String roleArn,
    String action,
    String resource,
    String resourceAccount,
    Map<String, ContextValue> context) {
  public ScenarioRequest {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }
}
