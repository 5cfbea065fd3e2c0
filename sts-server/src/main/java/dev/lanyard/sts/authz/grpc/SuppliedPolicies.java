package dev.lanyard.sts.authz.grpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.sts.authz.PolicyLibrary;

/**
 * Resource policies supplied with Authorize requests, compiled once and kept by their exact text
 * (bounded), so that a service sending the same bucket policy on every request parses it once.
 */
final class SuppliedPolicies {
  /** The label of a supplied resource policy in decisions. */
  static final String RESOURCE_POLICY_LABEL = "resource-policy";

  private final Cache<String, CompiledPolicy> compiled;

  SuppliedPolicies(long maximumSize) {
    this.compiled = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
  }

  /** The compiled document; {@code MalformedPolicyDocument} naming {@code resource_policy} when bad. */
  CompiledPolicy resourcePolicy(String document) {
    CompiledPolicy hit = compiled.getIfPresent(document);
    if (hit != null) {
      return hit;
    }
    CompiledPolicy policy = PolicyLibrary.compileSupplied(document, RESOURCE_POLICY_LABEL);
    compiled.put(document, policy);
    return policy;
  }
}
