package dev.lanyard.sts.iam;

import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.authz.AccessEvaluator;
import java.util.List;
import java.util.Map;

/**
 * Authorises an IAM administration call with the policy engine: {@code iam:<Action>} on the ARN of
 * the entity it acts on, with the request's condition keys; a denial is {@code AccessDenied} with an
 * encoded authorisation message.
 */
final class IamAccess {
  private final AccessEvaluator evaluator;

  IamAccess(AccessEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  void require(Caller caller, String action, String resourceArn) {
    evaluator.require(caller, "iam:" + action, resourceArn);
  }

  void require(Caller caller, String action, String resourceArn, Map<String, List<String>> context) {
    evaluator.require(caller, new AccessEvaluator.Question("iam:" + action, resourceArn, context, null, null));
  }
}
