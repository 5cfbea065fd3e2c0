package dev.lanyard.bench.policy;

import dev.lanyard.policy.compile.CompiledPolicy;
import dev.lanyard.policy.eval.AuthorizationRequest;
import dev.lanyard.policy.eval.Outcome;
import dev.lanyard.policy.eval.PolicyKind;
import dev.lanyard.policy.eval.PolicySet;
import dev.lanyard.policy.eval.RequestContext;
import dev.lanyard.policy.eval.RequestPrincipal;
import dev.lanyard.policy.validate.PolicySizes;
import dev.lanyard.policy.validate.PolicyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The policies of a realistic principal and three requests it makes.
 *
 * <p>The principal is a federated-user session ({@code GetFederationToken}) of the IAM user
 * {@code alice} in account 111122223333, team {@code payments}. Its identity policies are AWS
 * {@code ReadOnlyAccess} and eight customer managed policies (resources {@code realistic/1-*.json}
 * to {@code 8-*.json}: principal-tag and resource-tag conditions, a source-IP deny with
 * {@code NotAction}, MFA conditions, {@code ${aws:username}} and {@code ${aws:userid}} in resources
 * and {@code StringLike} values, a validity window on {@code aws:CurrentTime},
 * {@code ForAnyValue}/{@code ForAllValues} on {@code aws:TagKeys}, {@code ArnLike}); its
 * permissions boundary is AWS {@code PowerUserAccess}; its session policy is
 * {@code realistic/session-policy.json}. As AWS does for federated users, the context carries
 * {@code aws:userid} ({@code 111122223333:alice}) and no {@code aws:username}, so the
 * {@code ${aws:username}} patterns are evaluated and do not match.
 *
 * <ul>
 *   <li>{@code ALLOW}: {@code s3:PutObject} into alice's home folder, allowed by Sid
 *       {@code ReadWriteOwnHome} through {@code ${aws:userid}}, after every deny statement, the
 *       boundary and the session policy are checked;
 *   <li>{@code EXPLICIT_DENY}: {@code s3:DeleteObject} in the audit-log bucket, denied by Sid
 *       {@code ProtectAuditLogs};
 *   <li>{@code IMPLICIT_DENY}: {@code ssm:GetParameter}, allowed by {@code ReadOnlyAccess} and the
 *       boundary but not by the session policy: the longest path.
 * </ul>
 */
public final class RealisticPrincipal {

  static final String ACCOUNT = "111122223333";
  private static final String RESOURCE_FOLDER = "realistic/";
  private static final List<String> CUSTOMER_POLICIES = List.of(
      "1-team-ec2.json",
      "2-corporate-network.json",
      "3-mfa-for-destructive.json",
      "4-home-folder.json",
      "5-contractor-window.json",
      "6-protect-audit.json",
      "7-tag-governance.json",
      "8-team-secrets.json");

  private final PolicySet policies;
  private final RequestPrincipal principal;

  private RealisticPrincipal(PolicySet policies, RequestPrincipal principal) {
    this.policies = policies;
    this.principal = principal;
  }

  /**
   * Validates and compiles the principal's policies, taking the AWS managed ones from
   * {@code managedPolicies}.
   *
   * @throws IllegalStateException when a policy is not valid for its type
   */
  public static RealisticPrincipal load(List<ManagedPolicySource> managedPolicies) {
    ManagedPolicySource readOnly = ManagedPolicyFile.find(managedPolicies, "ReadOnlyAccess");
    ManagedPolicySource powerUser = ManagedPolicyFile.find(managedPolicies, "PowerUserAccess");
    List<CompiledPolicy> identity = new ArrayList<>();
    // AWS managed policies are not bound by the customer managed size quota.
    identity.add(CheckedCompiler.compile(readOnly.document(), PolicyType.IDENTITY, Integer.MAX_VALUE, readOnly.arn()));
    for (String name : CUSTOMER_POLICIES) {
      String arn = "arn:aws:iam::" + ACCOUNT + ":policy/" + name.substring(0, name.length() - ".json".length());
      identity.add(CheckedCompiler.compile(resource(name), PolicyType.IDENTITY, PolicySizes.MANAGED, arn));
    }
    CompiledPolicy boundary =
        CheckedCompiler.compile(powerUser.document(), PolicyType.BOUNDARY, Integer.MAX_VALUE, powerUser.arn());
    CompiledPolicy session =
        CheckedCompiler.compile(resource("session-policy.json"), PolicyType.SESSION, PolicySizes.SESSION, "sessionPolicy");
    PolicySet set = PolicySet.builder()
        .identityPolicies(identity)
        .permissionsBoundary(boundary)
        .sessionPolicies(List.of(session))
        .build();
    RequestPrincipal alice = RequestPrincipal.fromArn(
        "arn:aws:sts::" + ACCOUNT + ":federated-user/alice", "arn:aws:iam::" + ACCOUNT + ":user/alice");
    return new RealisticPrincipal(set, alice);
  }

  /** Reads the data file at {@code file} and loads from it. */
  public static RealisticPrincipal load(Path file) throws IOException {
    return load(ManagedPolicyFile.read(file));
  }

  /** The principal's compiled policies. */
  public PolicySet policies() {
    return policies;
  }

  /** The number of identity policies (AWS managed and customer managed). */
  public int identityPolicyCount() {
    return policies.identityPolicies().size();
  }

  /** The request whose decision has {@code outcome}, with the path it must take. */
  public ExpectedDecision request(Outcome outcome) {
    return switch (outcome) {
      case ALLOW -> ExpectedDecision.decidedBy(
          request("s3:PutObject", "arn:aws:s3:::corp-home/home/" + ACCOUNT + ":alice/notes/2025-06.md"),
          Outcome.ALLOW, "ReadWriteOwnHome");
      case EXPLICIT_DENY -> ExpectedDecision.decidedBy(
          request("s3:DeleteObject", "arn:aws:s3:::corp-audit-logs/2025/06/01/trail-0001.json.gz"),
          Outcome.EXPLICIT_DENY, "ProtectAuditLogs");
      case IMPLICIT_DENY -> ExpectedDecision.implicitDeny(
          request("ssm:GetParameter", "arn:aws:ssm:eu-west-1:" + ACCOUNT + ":parameter/payments/db-url"),
          PolicyKind.SESSION_POLICY);
    };
  }

  private AuthorizationRequest request(String action, String resource) {
    return AuthorizationRequest.of(principal, action, resource, context());
  }

  /** What AWS would put in the context of alice's federated session, from the office network. */
  private RequestContext context() {
    return RequestContext.builder()
        .put("aws:SourceIp", "203.0.113.7")
        .put("aws:ViaAWSService", "false")
        .put("aws:SecureTransport", "true")
        .put("aws:MultiFactorAuthPresent", "true")
        .put("aws:MultiFactorAuthAge", "420")
        .put("aws:CurrentTime", "2025-06-01T12:00:00Z")
        .put("aws:EpochTime", "1748779200")
        .put("aws:TokenIssueTime", "2025-06-01T11:00:00Z")
        .put("aws:RequestedRegion", "eu-west-1")
        .put("aws:userid", ACCOUNT + ":alice")
        .put("aws:PrincipalTag/team", "payments")
        .put("aws:PrincipalTag/department", "engineering")
        .put("aws:PrincipalTag/cost-center", "cc-4410")
        .principalKeys(principal)
        .build();
  }

  private static String resource(String name) {
    String path = RESOURCE_FOLDER + name;
    try (InputStream in = RealisticPrincipal.class.getResourceAsStream(path)) {
      Objects.requireNonNull(in, () -> "resource " + path + " is missing from the benchmark jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("resource " + path + " could not be read", e);
    }
  }
}
