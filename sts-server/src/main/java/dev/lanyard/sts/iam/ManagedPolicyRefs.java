package dev.lanyard.sts.iam;

import dev.lanyard.sts.store.IamArns;

import dev.lanyard.sts.authz.AwsManagedPolicies;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;

/**
 * Checks that a managed policy ARN given for an attachment or a permissions boundary names a policy
 * that can be attached: a bundled AWS managed policy, or a customer managed policy of the caller's
 * account.
 */
final class ManagedPolicyRefs {
  private final IamStore store;

  ManagedPolicyRefs(IamStore store) {
    this.store = store;
  }

  void requireAttachable(String account, String policyArn) {
    boolean exists = AwsManagedPolicies.isAwsManagedArn(policyArn)
        ? AwsManagedPolicies.document(policyArn).isPresent()
        : account.equals(IamArns.accountOf(policyArn)) && store.managedPolicies().get(policyArn).isPresent();
    if (!exists) {
      throw new LanyardException(AwsErrorCode.NoSuchEntity,
          "Policy " + policyArn + " does not exist or is not attachable.", false);
    }
  }

  /** The path of a policy ARN's resource ({@code policy/a/b/Name} -> {@code /a/b/}). */
  static String pathOf(String policyArn) {
    String resource = policyArn.substring(policyArn.indexOf(":policy/") + ":policy".length());
    return resource.substring(0, resource.lastIndexOf('/') + 1);
  }
}
