package dev.lanyard.sts.authz.grpc;

import dev.lanyard.policy.arn.Arn;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.validate.PolicyType;
import dev.lanyard.proto.authz.v1.EvaluationResult;
import dev.lanyard.proto.authz.v1.SimulateCustomPolicyRequest;
import dev.lanyard.proto.authz.v1.SimulatePolicyResponse;
import dev.lanyard.proto.authz.v1.SimulatePrincipalPolicyRequest;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.ArrayList;
import java.util.List;

/**
 * SimulatePrincipalPolicy ({@code iam:SimulatePrincipalPolicy} on the source) and
 * SimulateCustomPolicy ({@code iam:SimulateCustomPolicy}), with AWS's parameters and paging
 * ({@code Marker}, {@code MaxItems} 1-1000, default 100). The simulated principal is
 * {@code CallerArn} when given; otherwise the source user, a session of the source role, or (for a
 * group, or for custom policies) a user {@code SimulatedMemberOf<group>} / {@code SimulatedUser} in
 * the account, since identity policies do not depend on who holds them.
 */
final class Simulation {
  private final AccessEvaluator access;
  private final SimulationSources sources;

  Simulation(AccessEvaluator access, SimulationSources sources) {
    this.access = access;
    this.sources = sources;
  }

  SimulatePolicyResponse principalPolicy(Caller caller, SimulatePrincipalPolicyRequest r) {
    if (r.getPolicySourceArn().isEmpty()) {
      throw new LanyardException(AwsErrorCode.InvalidInput, "PolicySourceArn: required; give a user, group or role ARN");
    }
    access.require(caller, "iam:SimulatePrincipalPolicy", r.getPolicySourceArn());
    SimulationSources.Source source = sources.of(r.getPolicySourceArn());
    List<SimulatedPolicy> identity = new ArrayList<>(source.identity());
    identity.addAll(inputs("PolicyInputList", r.getPolicyInputListList(), PolicyType.IDENTITY));
    SimulatedPolicy boundary = source.boundary();
    List<SimulatedPolicy> boundaries = inputs("PermissionsBoundaryPolicyInputList",
        r.getPermissionsBoundaryPolicyInputListList(), PolicyType.BOUNDARY);
    if (!boundaries.isEmpty()) {
      boundary = boundaries.get(0);
    }
    RequestPrincipal principal = r.getCallerArn().isEmpty() ? source.principal() : principal(r.getCallerArn());
    List<EvaluationResult> results = PolicySimulator.simulate(new PolicySimulator.Scenario(identity, boundary,
        resourcePolicy(r.getResourcePolicy()), principal, r.getActionNamesList(), r.getResourceArnsList(),
        owner(r.getResourceOwner()), ContextEntries.of(r.getContextEntriesList())));
    return page(results, r.getMarker(), r.hasMaxItems() ? r.getMaxItems() : null);
  }

  SimulatePolicyResponse customPolicy(Caller caller, SimulateCustomPolicyRequest r) {
    access.require(caller, "iam:SimulateCustomPolicy", "*");
    if (r.getPolicyInputListCount() == 0) {
      throw new LanyardException(AwsErrorCode.InvalidInput, "PolicyInputList: give at least one policy document");
    }
    List<SimulatedPolicy> identity = inputs("PolicyInputList", r.getPolicyInputListList(), PolicyType.IDENTITY);
    List<SimulatedPolicy> boundaries = inputs("PermissionsBoundaryPolicyInputList",
        r.getPermissionsBoundaryPolicyInputListList(), PolicyType.BOUNDARY);
    if (!r.getResourcePolicy().isEmpty() && r.getCallerArn().isEmpty()) {
      throw new LanyardException(AwsErrorCode.InvalidInput,
          "CallerArn: required with a ResourcePolicy, so that its Principal element has a value to match");
    }
    RequestPrincipal principal = r.getCallerArn().isEmpty()
        ? RequestPrincipal.fromArn("arn:" + Arn.parse(caller.arn()).partition() + ":iam::" + caller.accountId()
            + ":user/SimulatedUser", null)
        : principal(r.getCallerArn());
    List<EvaluationResult> results = PolicySimulator.simulate(new PolicySimulator.Scenario(identity,
        boundaries.isEmpty() ? null : boundaries.get(0), resourcePolicy(r.getResourcePolicy()), principal,
        r.getActionNamesList(), r.getResourceArnsList(), owner(r.getResourceOwner()),
        ContextEntries.of(r.getContextEntriesList())));
    return page(results, r.getMarker(), r.hasMaxItems() ? r.getMaxItems() : null);
  }

  private static List<SimulatedPolicy> inputs(String field, List<String> docs, PolicyType type) {
    List<SimulatedPolicy> out = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      out.add(SimulatedPolicy.supplied(field + "." + (i + 1), "none", docs.get(i), type));
    }
    return out;
  }

  private static SimulatedPolicy resourcePolicy(String doc) {
    return doc.isEmpty() ? null : SimulatedPolicy.supplied("ResourcePolicy", "resource", doc, PolicyType.RESOURCE);
  }

  /** CallerArn: an IAM user, or a role (simulated as one of its sessions). */
  private static RequestPrincipal principal(String callerArn) {
    try {
      Arn arn = Arn.parse(callerArn);
      if (arn.service().equals("iam") && arn.resource().startsWith("role/")) {
        String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
        return RequestPrincipal.fromArn("arn:" + arn.partition() + ":sts::" + arn.account() + ":assumed-role/"
            + name + "/SimulatedSession", callerArn);
      }
      if (arn.service().equals("iam") && arn.resource().startsWith("user/")) {
        return RequestPrincipal.fromArn(callerArn, null);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new LanyardException(AwsErrorCode.InvalidInput, "CallerArn: '" + callerArn
        + "' is not an IAM user or role ARN; give arn:<partition>:iam::<account>:user/<name> or role/<name>");
  }

  private static String owner(String resourceOwner) {
    if (resourceOwner.isEmpty()) {
      return null;
    }
    if (resourceOwner.matches("[0-9]{12}")) {
      return resourceOwner;
    }
    try {
      String account = Arn.parse(resourceOwner).account();
      if (account.matches("[0-9]{12}")) {
        return account;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new LanyardException(AwsErrorCode.InvalidInput, "ResourceOwner: '" + resourceOwner
        + "' is neither a 12-digit account nor an ARN with one");
  }

  private static SimulatePolicyResponse page(List<EvaluationResult> all, String marker, Integer maxItems) {
    int max = maxItems == null ? 100 : maxItems;
    if (max < 1 || max > 1000) {
      throw new LanyardException(AwsErrorCode.InvalidInput, "MaxItems: " + max + " is outside 1 to 1000");
    }
    int start = 0;
    if (!marker.isEmpty()) {
      try {
        start = Integer.parseInt(marker);
      } catch (NumberFormatException e) {
        start = -1;
      }
      if (start < 0 || start > all.size()) {
        throw new LanyardException(AwsErrorCode.InvalidInput,
            "Marker: not a marker from a previous response to this request; omit it to start over");
      }
    }
    int end = Math.min(all.size(), start + max);
    SimulatePolicyResponse.Builder b = SimulatePolicyResponse.newBuilder()
        .addAllEvaluationResults(all.subList(start, end))
        .setIsTruncated(end < all.size());
    if (end < all.size()) {
      b.setMarker(Integer.toString(end));
    }
    return b.build();
  }
}
