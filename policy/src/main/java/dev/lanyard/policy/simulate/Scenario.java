package dev.lanyard.policy.simulate;

import java.util.List;
import java.util.Objects;

/**
 * One authorisation question for the simulator: a request and the policies that apply to it.
 * Absent policies are null (single) or empty (lists). SCP and RCP lists hold one inner list per
 * organisation level, from the root down to the account.
 */
public record Scenario(
    ScenarioRequest request,
    List<PolicySource> identityPolicies,
    PolicySource permissionsBoundary,
    PolicySource sessionPolicy,
    PolicySource resourcePolicy,
    List<List<PolicySource>> serviceControlPolicies,
    List<List<PolicySource>> resourceControlPolicies) {
  public Scenario {
    Objects.requireNonNull(request, "request");
    identityPolicies = List.copyOf(identityPolicies);
    serviceControlPolicies = serviceControlPolicies.stream().map(List::copyOf).toList();
    resourceControlPolicies = resourceControlPolicies.stream().map(List::copyOf).toList();
  }
}
