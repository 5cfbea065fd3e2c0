package dev.lanyard.sts.authz.grpc;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.DecidingStatement;
import dev.lanyard.policy.eval.Decision;
import dev.lanyard.policy.eval.PolicyKind;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.proto.authz.v1.AuthorizeResponse;
import dev.lanyard.proto.authz.v1.PolicyType;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.authz.AccessEvaluator;
import java.util.List;

/** Turns a policy-engine decision into an {@link AuthorizeResponse}. */
final class DecisionMessages {
  /** The engine's label of inline session policies, and the name the contract uses for them. */
  private static final String ENGINE_SESSION_LABEL = "sessionPolicy";
  private static final String SESSION_POLICY_ID = "session-policy";

  private DecisionMessages() {}

  /**
   * The response for {@code decision} about {@code subject}; {@code policies} is the subject's policy
   * set, used only to say which kind of policy each deciding statement came from.
   */
  static AuthorizeResponse.Builder response(Decision decision, Caller subject, PolicySet policies) {
    AuthorizeResponse.Builder b = AuthorizeResponse.newBuilder()
        .setDecision(switch (decision.outcome()) {
          case ALLOW -> dev.lanyard.proto.authz.v1.Decision.ALLOW;
          case EXPLICIT_DENY -> dev.lanyard.proto.authz.v1.Decision.EXPLICIT_DENY;
          case IMPLICIT_DENY -> dev.lanyard.proto.authz.v1.Decision.IMPLICIT_DENY;
        })
        .setReason(decision.reason())
        .setPrincipalArn(subject.arn())
        .setUserId(subject.userId())
        .setAccount(subject.accountId());
    for (DecidingStatement s : decision.statements()) {
      b.addDecidingStatementsBuilder()
          .setPolicy(s.policy().equals(ENGINE_SESSION_LABEL) ? SESSION_POLICY_ID : s.policy())
          .setPolicyType(kindOf(s.policy(), policies))
          .setStatementIndex(s.statement())
          .setSid(s.sid() == null ? "" : s.sid());
    }
    if (decision.missingAllow() != null) {
      b.addMissingAllow(type(decision.missingAllow()));
    }
    return b;
  }

  static PolicyType type(PolicyKind kind) {
    return switch (kind) {
      case SERVICE_CONTROL_POLICY -> PolicyType.SERVICE_CONTROL_POLICY;
      case RESOURCE_CONTROL_POLICY -> PolicyType.RESOURCE_CONTROL_POLICY;
      case RESOURCE_POLICY -> PolicyType.RESOURCE_POLICY;
      case IDENTITY_POLICY -> PolicyType.IDENTITY_POLICY;
      case PERMISSIONS_BOUNDARY -> PolicyType.PERMISSIONS_BOUNDARY;
      case SESSION_POLICY -> PolicyType.SESSION_POLICY;
    };
  }

  private static PolicyType kindOf(String label, PolicySet set) {
    if (label.equals(SuppliedPolicies.RESOURCE_POLICY_LABEL)) {
      return PolicyType.RESOURCE_POLICY;
    }
    if (label.equals(AccessEvaluator.REVOCATION_POLICY)) {
      return PolicyType.IDENTITY_POLICY;
    }
    if (labelled(set.identityPolicies(), label)) {
      return PolicyType.IDENTITY_POLICY;
    }
    if (labelled(set.sessionPolicies(), label)) {
      return PolicyType.SESSION_POLICY;
    }
    if (set.permissionsBoundary() != null && set.permissionsBoundary().label().equals(label)) {
      return PolicyType.PERMISSIONS_BOUNDARY;
    }
    for (List<CompiledPolicy> level : set.serviceControlPolicies()) {
      if (labelled(level, label)) {
        return PolicyType.SERVICE_CONTROL_POLICY;
      }
    }
    for (List<CompiledPolicy> level : set.resourceControlPolicies()) {
      if (labelled(level, label)) {
        return PolicyType.RESOURCE_CONTROL_POLICY;
      }
    }
    return PolicyType.POLICY_TYPE_UNSPECIFIED;
  }

  private static boolean labelled(List<CompiledPolicy> policies, String label) {
    for (CompiledPolicy p : policies) {
      if (p.label().equals(label)) {
        return true;
      }
    }
    return false;
  }
}
