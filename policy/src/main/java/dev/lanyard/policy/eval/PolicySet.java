package dev.lanyard.policy.eval;

import dev.lanyard.policy.compile.CompiledPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every policy that applies to requests of one principal: identity policies, permissions boundary,
 * session policies (inline and managed), service control policies and resource control policies
 * (each a list of levels from the organisation root down to the account, every level a list of
 * policies), and optionally the resource's resource-based policy. Immutable; build once per
 * principal, cache, and add the resource policy per request with {@link #withResourcePolicy}.
 */
public final class PolicySet {

  private static final PolicyEntry[] NO_ENTRIES = new PolicyEntry[0];
  private static final PolicyEntry[][] NO_LEVELS = new PolicyEntry[0][];

  final PolicyEntry[] identity;
  final PolicyEntry boundary;
  final PolicyEntry[] session;
  final PolicyEntry resource;
  final PolicyEntry[][] scps;
  final PolicyEntry[][] rcps;
  final boolean resourcePolicyRequired;
  /** Every entry in evaluation order: RCPs, SCPs, resource, identity, boundary, session. */
  final PolicyEntry[] evaluationOrder;

  private PolicySet(
      PolicyEntry[] identity,
      PolicyEntry boundary,
      PolicyEntry[] session,
      PolicyEntry resource,
      PolicyEntry[][] scps,
      PolicyEntry[][] rcps,
      boolean resourcePolicyRequired) {
    this.identity = identity;
    this.boundary = boundary;
    this.session = session;
    this.resource = resource;
    this.scps = scps;
    this.rcps = rcps;
    this.resourcePolicyRequired = resourcePolicyRequired;
    List<PolicyEntry> order = new ArrayList<>();
    for (PolicyEntry[] level : rcps) {
      order.addAll(List.of(level));
    }
    for (PolicyEntry[] level : scps) {
      order.addAll(List.of(level));
    }
    if (resource != null) {
      order.add(resource);
    }
    order.addAll(List.of(identity));
    if (boundary != null) {
      order.add(boundary);
    }
    order.addAll(List.of(session));
    this.evaluationOrder = order.toArray(NO_ENTRIES);
  }

  /** A builder; everything is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** This set with {@code policy} (null for none) as the resource-based policy. */
  public PolicySet withResourcePolicy(CompiledPolicy policy) {
    return new PolicySet(identity, boundary, session, entry(policy, PolicyKind.RESOURCE_POLICY),
        scps, rcps, resourcePolicyRequired);
  }

  /** This set with the resource's account's RCP levels replaced. */
  public PolicySet withResourceControlPolicies(List<List<CompiledPolicy>> levels) {
    return new PolicySet(identity, boundary, session, resource, scps,
        levels(levels, PolicyKind.RESOURCE_CONTROL_POLICY), resourcePolicyRequired);
  }

  public List<CompiledPolicy> identityPolicies() {
    return policies(identity);
  }

  /** The permissions boundary, or null. */
  public CompiledPolicy permissionsBoundary() {
    return boundary == null ? null : boundary.policy;
  }

  public List<CompiledPolicy> sessionPolicies() {
    return policies(session);
  }

  /** The resource-based policy, or null. */
  public CompiledPolicy resourcePolicy() {
    return resource == null ? null : resource.policy;
  }

  public List<List<CompiledPolicy>> serviceControlPolicies() {
    return levelPolicies(scps);
  }

  public List<List<CompiledPolicy>> resourceControlPolicies() {
    return levelPolicies(rcps);
  }

  /** Whether the resource-based policy must allow even within the account (role trust, KMS key policies). */
  public boolean resourcePolicyRequired() {
    return resourcePolicyRequired;
  }

  private static List<CompiledPolicy> policies(PolicyEntry[] entries) {
    List<CompiledPolicy> out = new ArrayList<>(entries.length);
    for (PolicyEntry e : entries) {
      out.add(e.policy);
    }
    return List.copyOf(out);
  }

  private static List<List<CompiledPolicy>> levelPolicies(PolicyEntry[][] levels) {
    List<List<CompiledPolicy>> out = new ArrayList<>(levels.length);
    for (PolicyEntry[] level : levels) {
      out.add(policies(level));
    }
    return List.copyOf(out);
  }

  private static PolicyEntry entry(CompiledPolicy policy, PolicyKind kind) {
    return policy == null ? null : new PolicyEntry(policy, kind);
  }

  private static PolicyEntry[] entries(List<CompiledPolicy> policies, PolicyKind kind) {
    if (policies == null || policies.isEmpty()) {
      return NO_ENTRIES;
    }
    PolicyEntry[] out = new PolicyEntry[policies.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new PolicyEntry(Objects.requireNonNull(policies.get(i), kind.description() + " is null"), kind);
    }
    return out;
  }

  private static PolicyEntry[][] levels(List<List<CompiledPolicy>> levels, PolicyKind kind) {
    if (levels == null || levels.isEmpty()) {
      return NO_LEVELS;
    }
    PolicyEntry[][] out = new PolicyEntry[levels.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = entries(Objects.requireNonNull(levels.get(i), kind.description() + " level is null"), kind);
    }
    return out;
  }

  /** Collects the policies of a {@link PolicySet}. */
  public static final class Builder {
    private List<CompiledPolicy> identityPolicies = List.of();
    private CompiledPolicy permissionsBoundary;
    private List<CompiledPolicy> sessionPolicies = List.of();
    private CompiledPolicy resourcePolicy;
    private List<List<CompiledPolicy>> serviceControlPolicies = List.of();
    private List<List<CompiledPolicy>> resourceControlPolicies = List.of();
    private boolean resourcePolicyRequired;

    private Builder() {}

    /** The principal's identity-based policies (for a user, also its groups' policies). */
    public Builder identityPolicies(List<CompiledPolicy> policies) {
      this.identityPolicies = List.copyOf(policies);
      return this;
    }

    /** The principal's permissions boundary, or null. */
    public Builder permissionsBoundary(CompiledPolicy policy) {
      this.permissionsBoundary = policy;
      return this;
    }

    /** The session's policies, inline and managed together; any one of them allowing suffices. */
    public Builder sessionPolicies(List<CompiledPolicy> policies) {
      this.sessionPolicies = List.copyOf(policies);
      return this;
    }

    /** The resource's resource-based policy, or null. */
    public Builder resourcePolicy(CompiledPolicy policy) {
      this.resourcePolicy = policy;
      return this;
    }

    /**
     * SCP levels for the principal's account, from the organisation root down to the account;
     * each level must allow. An empty level allows nothing.
     */
    public Builder serviceControlPolicies(List<List<CompiledPolicy>> levels) {
      this.serviceControlPolicies = List.copyOf(levels);
      return this;
    }

    /** RCP levels for the resource's account, root first; each level must allow. */
    public Builder resourceControlPolicies(List<List<CompiledPolicy>> levels) {
      this.resourceControlPolicies = List.copyOf(levels);
      return this;
    }

    /**
     * Whether the resource-based policy must allow even within one account, as role trust
     * policies and KMS key policies must (IAM User Guide, "Policy evaluation logic"). Default false.
     */
    public Builder resourcePolicyRequired(boolean required) {
      this.resourcePolicyRequired = required;
      return this;
    }

    public PolicySet build() {
      return new PolicySet(
          entries(identityPolicies, PolicyKind.IDENTITY_POLICY),
          entry(permissionsBoundary, PolicyKind.PERMISSIONS_BOUNDARY),
          entries(sessionPolicies, PolicyKind.SESSION_POLICY),
          entry(resourcePolicy, PolicyKind.RESOURCE_POLICY),
          levels(serviceControlPolicies, PolicyKind.SERVICE_CONTROL_POLICY),
          levels(resourceControlPolicies, PolicyKind.RESOURCE_CONTROL_POLICY),
          resourcePolicyRequired);
    }
  }
}
