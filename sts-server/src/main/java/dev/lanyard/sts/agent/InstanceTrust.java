package dev.lanyard.sts.agent;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.Evaluator;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.sts.authz.AccessDeniedException;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.cache.VersionedCache;
import dev.lanyard.sts.store.model.Role;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Whether an instance profile's role trusts the EC2 service principal: the role's trust policy,
 * evaluated as a required resource-based policy for {@code sts:AssumeRole} by the service principal
 * {@value #SERVICE}, as AWS does for instance profile roles. A service principal has no identity
 * policies, so the trust policy alone decides. Compiled trust policies are cached per store version.
 */
final class InstanceTrust {
  static final String SERVICE = "ec2.amazonaws.com";
  private static final RequestPrincipal PRINCIPAL = RequestPrincipal.service(SERVICE);

  private final VersionedCache<String, PolicySet> trustSets;

  InstanceTrust(StoreVersionTracker versions) {
    this.trustSets = new VersionedCache<>(versions, 10_000);
  }

  /**
   * Requires {@code sts:AssumeRole} on {@code role} for {@value #SERVICE}.
   *
   * @throws AccessDeniedException when the trust policy does not allow it
   */
  void require(Role role, String instanceId, Instant now) {
    PolicySet set = trustSets.get(role.arn() + "#" + role.rowVersion(), k -> {
      CompiledPolicy trust = PolicyLibrary.compile(role.trustPolicy(), role.arn() + "/trust-policy");
      return PolicySet.builder().resourcePolicy(trust).resourcePolicyRequired(true).build();
    });
    Instant t = now.truncatedTo(ChronoUnit.SECONDS);
    RequestContext context = RequestContext.builder()
        .principalKeys(PRINCIPAL)
        .put("aws:PrincipalIsAWSService", "true")
        .put("aws:PrincipalServiceName", SERVICE)
        .put("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(t))
        .put("aws:EpochTime", Long.toString(t.getEpochSecond()))
        .put("sts:RoleSessionName", instanceId)
        .build();
    Decision d = Evaluator.evaluate(new AuthorizationRequest(PRINCIPAL, "sts:AssumeRole", role.arn(),
        role.accountId(), context), set);
    if (!d.allowed()) {
      throw new AccessDeniedException("Service: " + SERVICE + " is not authorized to perform: sts:AssumeRole on"
          + " resource: " + role.arn() + "; the role's trust policy must allow sts:AssumeRole to the service"
          + " principal " + SERVICE + " for instance profile credentials", null);
    }
  }
}
