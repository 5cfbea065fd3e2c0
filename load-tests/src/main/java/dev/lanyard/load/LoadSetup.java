package dev.lanyard.load;

import dev.lanyard.proto.iam.v1.AccessKey;
import dev.lanyard.proto.iam.v1.AccessKeyMetadata;
import dev.lanyard.proto.iam.v1.CreateAccessKeyRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.CreateUserRequest;
import dev.lanyard.proto.iam.v1.DeleteAccessKeyRequest;
import dev.lanyard.proto.iam.v1.GetRoleRequest;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.proto.iam.v1.ListAccessKeysRequest;
import dev.lanyard.proto.iam.v1.PutRolePolicyRequest;
import dev.lanyard.proto.iam.v1.PutUserPolicyRequest;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.client.LanyardServiceException;
import dev.lanyard.sdk.credentials.Credentials;
import io.grpc.StatusRuntimeException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Creates, or brings up to date, what the load runs as, through the IAM API signed with the
 * starting credentials: user {@value #USER} with an inline policy that may assume the load role
 * and ask Authorize about its sessions, a fresh access key for it (its earlier keys are deleted,
 * as a user holds at most two), and role {@value #ROLE} that trusts the user and may read
 * {@code arn:aws:s3:::load-data}. Then it waits until every target accepts the new key, since
 * other nodes of a cluster see a change within their staleness bound.
 */
final class LoadSetup {
  static final String USER = "lanyard-load";
  static final String ROLE = "LanyardLoadRole";
  static final String DATA_BUCKET = "load-data";
  static final Duration PROPAGATION_WAIT = Duration.ofSeconds(30);

  private LoadSetup() {}

  /**
   * Sets up the user, key and role.
   *
   * @param admin a client signed with the starting credentials
   * @param perTarget a client of one target signed with the given credentials
   */
  static LoadIdentity run(LanyardClient admin, String accountId, List<String> targets,
      Function<Credentials, List<LanyardClient>> perTarget, PrintStream log) throws InterruptedException {
    IamServiceGrpc.IamServiceBlockingStub iam = admin.iam();
    String roleArn = "arn:aws:iam::" + accountId + ":role/" + ROLE;
    String userArn = "arn:aws:iam::" + accountId + ":user/" + USER;
    ignoreExisting(() -> iam.createUser(CreateUserRequest.newBuilder().setUserName(USER).build()));
    iam.putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName(USER).setPolicyName("LanyardLoad")
        .setPolicyDocument(userPolicy(roleArn)).build());
    boolean created = ignoreExisting(() -> iam.createRole(CreateRoleRequest.newBuilder().setRoleName(ROLE)
        .setAssumeRolePolicyDocument(trustPolicy(userArn)).setMaxSessionDuration(43200)
        .setDescription("Role assumed by the Lanyard load generator").build()));
    if (!created) {
      roleArn = iam.getRole(GetRoleRequest.newBuilder().setRoleName(ROLE).build()).getRole().getArn();
    }
    iam.putRolePolicy(PutRolePolicyRequest.newBuilder().setRoleName(ROLE).setPolicyName("ReadLoadData")
        .setPolicyDocument(rolePolicy()).build());
    for (AccessKeyMetadata old : iam.listAccessKeys(ListAccessKeysRequest.newBuilder().setUserName(USER).build())
        .getAccessKeyMetadataList()) {
      iam.deleteAccessKey(DeleteAccessKeyRequest.newBuilder().setUserName(USER)
          .setAccessKeyId(old.getAccessKeyId()).build());
    }
    AccessKey key = iam.createAccessKey(CreateAccessKeyRequest.newBuilder().setUserName(USER).build()).getAccessKey();
    Credentials credentials = Credentials.longTerm(key.getAccessKeyId(), key.getSecretAccessKey());
    log.println("setup: user " + userArn + " with new access key " + key.getAccessKeyId() + ", role " + roleArn);
    awaitAccepted(perTarget.apply(credentials), targets, log);
    return new LoadIdentity(credentials, roleArn);
  }

  /** Waits until GetCallerIdentity with the new key succeeds on every target. */
  private static void awaitAccepted(List<LanyardClient> clients, List<String> targets, PrintStream log)
      throws InterruptedException {
    long deadline = System.nanoTime() + PROPAGATION_WAIT.toNanos();
    try {
      for (int i = 0; i < clients.size(); i++) {
        long start = System.nanoTime();
        while (true) {
          try {
            clients.get(i).getCallerIdentity();
            log.printf("setup: %s accepts the new key after %d ms%n", targets.get(i),
                (System.nanoTime() - start) / 1_000_000);
            break;
          } catch (LanyardServiceException e) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("setup: " + targets.get(i) + " still refuses the new access key after "
                  + PROPAGATION_WAIT.toSeconds() + " s (" + e.errorCode() + ")", e);
            }
            Thread.sleep(50);
          }
        }
      }
    } finally {
      clients.forEach(LanyardClient::close);
    }
  }

  /** Runs a create call; false when the entity already exists. */
  static boolean ignoreExisting(Runnable create) {
    try {
      create.run();
      return true;
    } catch (StatusRuntimeException e) {
      if ("EntityAlreadyExists".equals(ErrorCodes.of(e))) {
        return false;
      }
      throw e;
    }
  }

  static String userPolicy(String roleArn) {
    return """
        {"Version":"2012-10-17","Statement":[{"Sid":"AssumeAndAskAboutLoadRole","Effect":"Allow",\
        "Action":["sts:AssumeRole","sts:TagSession","iam:SimulatePrincipalPolicy"],"Resource":"%s"}]}"""
        .formatted(roleArn);
  }

  static String trustPolicy(String userArn) {
    return """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},\
        "Action":["sts:AssumeRole","sts:TagSession"]}]}""".formatted(userArn);
  }

  static String rolePolicy() {
    return """
        {"Version":"2012-10-17","Statement":[{"Sid":"ReadLoadData","Effect":"Allow",\
        "Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"]},\
        {"Sid":"NoDeletes","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}""".formatted(DATA_BUCKET);
  }
}
