package dev.lanyard.sts.cluster;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lanyard.proto.authz.v1.AuthorizeRequest;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.common.v1.ErrorDetail;
import dev.lanyard.proto.iam.v1.AccessKey;
import dev.lanyard.proto.iam.v1.CreateAccessKeyRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.CreateUserRequest;
import dev.lanyard.proto.iam.v1.PutRolePolicyRequest;
import dev.lanyard.proto.iam.v1.PutUserPolicyRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.sdk.credentials.Credentials;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The principals the cluster tests use, created through the IAM API of one node as the account
 * root: user {@code worker} (with an access key) allowed to assume role {@code worker-role}, whose
 * policy allows {@code s3:GetObject} on {@code bucket/*}.
 */
final class ClusterFixture {
  static final String ROLE = "worker-role";
  static final String USER = "worker";

  final String accountId;
  final String roleArn;
  final Credentials worker;

  private ClusterFixture(String accountId, String roleArn, Credentials worker) {
    this.accountId = accountId;
    this.roleArn = roleArn;
    this.worker = worker;
  }

  static ClusterFixture create(ClusterNode node, Credentials root) {
    return create(node.iam(root), node.server.primaryAccountId());
  }

  /** Creates the principals through {@code iam} (signed by the root of {@code account}). */
  static ClusterFixture create(dev.lanyard.proto.iam.v1.IamServiceGrpc.IamServiceBlockingStub iam,
      String account) {
    iam.createUser(CreateUserRequest.newBuilder().setUserName(USER).build());
    String roleArn = iam.createRole(CreateRoleRequest.newBuilder().setRoleName(ROLE)
        .setAssumeRolePolicyDocument(policy("Allow", "sts:AssumeRole", null,
            "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":user/" + USER + "\"}"))
        .build()).getRole().getArn();
    iam.putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName(USER).setPolicyName("assume")
        .setPolicyDocument(policy("Allow", "sts:AssumeRole", roleArn, null)).build());
    iam.putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName(USER).setPolicyName("read")
        .setPolicyDocument(policy("Allow", "s3:GetObject", "arn:aws:s3:::bucket/*", null)).build());
    iam.putRolePolicy(PutRolePolicyRequest.newBuilder().setRoleName(ROLE).setPolicyName("read")
        .setPolicyDocument(policy("Allow", "s3:GetObject", "arn:aws:s3:::bucket/*", null)).build());
    AccessKey key = iam.createAccessKey(CreateAccessKeyRequest.newBuilder().setUserName(USER).build())
        .getAccessKey();
    return new ClusterFixture(account, roleArn,
        Credentials.longTerm(key.getAccessKeyId(), key.getSecretAccessKey()));
  }

  /** A one-statement policy document; {@code principal} is a JSON member or null. */
  static String policy(String effect, String action, String resource, String principal) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":\""
        + action + "\"" + (resource == null ? "" : ",\"Resource\":\"" + resource + "\"")
        + (principal == null ? "" : "," + principal) + "}]}";
  }

  /** Role session credentials from {@code node}. */
  Credentials assumeRole(ClusterNode node, String sessionName) {
    var c = node.sts(worker).assumeRole(AssumeRoleRequest.newBuilder().setRoleArn(roleArn)
        .setRoleSessionName(sessionName).build()).getCredentials();
    return Credentials.session(c.getAccessKeyId(), c.getSecretAccessKey(), c.getSessionToken(), null);
  }

  /** The decision {@code node} makes for the session with this token, asked by {@code caller}. */
  static Decision decide(ClusterNode node, Credentials caller, String sessionToken, String action,
      String resource) {
    return node.authz(caller).authorize(AuthorizeRequest.newBuilder().setSessionToken(sessionToken)
        .setAction(action).setResource(resource).build()).getDecision();
  }

  /** The AWS error code and retryable flag of a failed call, if it carries an ErrorDetail. */
  static Optional<ErrorDetail> errorDetail(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return Optional.empty();
    }
    for (Any any : status.getDetailsList()) {
      if (any.is(ErrorDetail.class)) {
        try {
          return Optional.of(any.unpack(ErrorDetail.class));
        } catch (InvalidProtocolBufferException ex) {
          throw new AssertionError(ex);
        }
      }
    }
    return Optional.empty();
  }

  /** Milliseconds until {@code condition} holds, polling; fails after {@code timeoutMillis}. */
  static double millisUntil(long startNanos, long timeoutMillis, BooleanSupplier condition) {
    while (true) {
      if (condition.getAsBoolean()) {
        return (System.nanoTime() - startNanos) / 1e6;
      }
      if (System.nanoTime() - startNanos > timeoutMillis * 1_000_000L) {
        throw new AssertionError("condition not reached within " + timeoutMillis + " ms");
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
