package dev.lanyard.sts.authz.grpc;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.AuthorizeResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.authz.AccessEvaluator;
import dev.lanyard.sts.authz.AuthorizationMessages;
import dev.lanyard.sts.authz.PrincipalPolicies;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.util.List;
import java.util.Map;

/**
 * Decides one Authorize request. The principal is the signed caller unless the request names
 * another (a session token, an access key, a signed request); asking about a principal other than
 * yourself needs {@code iam:SimulatePrincipalPolicy} on that principal (its user, role or root ARN),
 * as AWS's policy simulator does, while asking about yourself needs nothing. The hot path (a cached
 * session, no resource policy) parses nothing and reads nothing from the store.
 */
final class Authorization {
  private final PrincipalResolver principals;
  private final AccessEvaluator access;
  private final PrincipalPolicies policies;
  private final AuthorizationMessages messages;
  private final SuppliedPolicies supplied;

  Authorization(PrincipalResolver principals, AccessEvaluator access, PrincipalPolicies policies,
      AuthorizationMessages messages, SuppliedPolicies supplied) {
    this.principals = principals;
    this.access = access;
    this.policies = policies;
    this.messages = messages;
    this.supplied = supplied;
  }

  /** The principal of {@code r}, after checking that {@code caller} may ask about it. */
  Caller subject(Caller caller, AuthorizeRequest r) {
    Caller subject = principals.resolve(caller, r);
    if (subject != caller && !subject.arn().equals(caller.arn())) {
      access.require(caller, "iam:SimulatePrincipalPolicy", entityArn(subject));
    }
    return subject;
  }

  AuthorizeResponse decide(Caller subject, AuthorizeRequest r) {
    String action = r.getAction();
    int colon = action.indexOf(':');
    if (colon <= 0 || colon == action.length() - 1 || action.length() > 256) {
      throw new LanyardException(AwsErrorCode.ValidationError, "action: '" + action
          + "' is not an action; give service:Action, e.g. s3:GetObject");
    }
    String resource = r.getResource();
    if (resource.isEmpty() || resource.length() > 2048) {
      throw new LanyardException(AwsErrorCode.ValidationError,
          "resource: give a resource ARN or * (1 to 2048 characters)");
    }
    String resourceAccount = null;
    if (r.hasResourceAccount()) {
      resourceAccount = r.getResourceAccount();
      if (!resourceAccount.matches("[0-9]{12}")) {
        throw new LanyardException(AwsErrorCode.ValidationError, "resource_account: '" + resourceAccount
            + "' is not an account id; give 12 digits or leave it out");
      }
    }
    Map<String, List<String>> context = ContextKeys.of(r.getContextMap());
    CompiledPolicy resourcePolicy = r.hasResourcePolicy() ? supplied.resourcePolicy(r.getResourcePolicy()) : null;
    AccessEvaluator.Evaluation e = access.evaluate(subject,
        new AccessEvaluator.Question(action, resource, context, resourcePolicy, resourceAccount));
    AuthorizeResponse.Builder b = DecisionMessages.response(e.decision(), subject,
        e.policies() != null ? e.policies() : policies.policiesFor(subject));
    if (e.decision().outcome() != Outcome.ALLOW) {
      b.setEncodedAuthorizationMessage(messages.encode(AuthorizationMessages.describe(e.decision(),
          subject.arn(), action, resource, e.context())));
    }
    return b.build();
  }

  /** The IAM resource that stands for a principal: its user, its role, its root, or its own ARN. */
  static String entityArn(Caller subject) {
    return switch (subject.type()) {
      case ASSUMED_ROLE -> subject.roleArn();
      default -> subject.arn();
    };
  }
}
