package dev.lanyard.sts.authz;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.compile.PolicyCompiler;
import dev.lanyard.policy.parse.PolicyParseException;
import dev.lanyard.policy.parse.PolicyParser;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.cache.VersionedCache;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.ManagedPolicyVersion;

/**
 * Compiled policies by where they come from: managed policies by ARN (customer managed from the
 * store's default version, AWS managed from the bundled set), cached per store version; and documents
 * compiled on demand (inline and session policies).
 */
public final class PolicyLibrary {
  private final IamStore store;
  private final VersionedCache<String, CompiledPolicy> managed;

  public PolicyLibrary(IamStore store, StoreVersionTracker versions) {
    this.store = store;
    this.managed = new VersionedCache<>(versions, 20_000);
  }

  /** The compiled default version of a managed policy; {@code NoSuchEntity} when there is none. */
  public CompiledPolicy managed(String policyArn) {
    return managed.get(policyArn, this::loadManaged);
  }

  private CompiledPolicy loadManaged(String arn) {
    String document;
    if (AwsManagedPolicies.isAwsManagedArn(arn)) {
      document = AwsManagedPolicies.document(arn).orElseThrow(() -> new LanyardException(
          AwsErrorCode.NoSuchEntity, "Policy " + arn + " does not exist or is not attachable."));
    } else {
      document = store.managedPolicies().defaultVersion(arn).map(ManagedPolicyVersion::document)
          .orElseThrow(() -> new LanyardException(AwsErrorCode.NoSuchEntity,
              "Policy " + arn + " does not exist or is not attachable."));
    }
    return compile(document, arn);
  }

  /**
   * Compiles a stored or embedded document; a document that no longer parses (it was validated when
   * written, so this means corruption) is a service failure, not the caller's fault.
   */
  public static CompiledPolicy compile(String document, String label) {
    try {
      return PolicyCompiler.compile(PolicyParser.parse(document), label);
    } catch (PolicyParseException e) {
      throw new LanyardException(AwsErrorCode.ServiceFailure,
          "stored policy " + label + " no longer parses: " + e.finding().message());
    }
  }

  /** Compiles a caller-supplied document; {@code MalformedPolicyDocument} naming the field when bad. */
  public static CompiledPolicy compileSupplied(String document, String field) {
    try {
      return PolicyCompiler.compile(PolicyParser.parse(document), field);
    } catch (PolicyParseException e) {
      throw new LanyardException(AwsErrorCode.MalformedPolicyDocument,
          field + ": " + e.finding().message() + " at " + e.finding().path());
    }
  }
}
