package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.AwsErrors.assertAwsError;
import static dev.lanyard.sts.e2e.Sessions.ask;
import static dev.lanyard.sts.e2e.Sessions.assume;
import static dev.lanyard.sts.e2e.Sessions.roleArn;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.ALICE_ARN;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.BOB;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.PRIMARY;
import static dev.lanyard.sts.e2e.TwoAccountBootstrap.REPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.iam.v1.AccessKey;
import dev.lanyard.proto.iam.v1.AttachRolePolicyRequest;
import dev.lanyard.proto.iam.v1.CreateAccessKeyRequest;
import dev.lanyard.proto.iam.v1.CreatePolicyRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.CreateUserRequest;
import dev.lanyard.proto.iam.v1.CreateVirtualMFADeviceRequest;
import dev.lanyard.proto.iam.v1.GetPolicyRequest;
import dev.lanyard.proto.iam.v1.GetRoleRequest;
import dev.lanyard.proto.iam.v1.GetUserRequest;
import dev.lanyard.proto.iam.v1.Policy;
import dev.lanyard.proto.iam.v1.Role;
import dev.lanyard.proto.sts.v1.AssumeRoleResponse;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sts.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's lifecycle: the bootstrap file applied idempotently, a restart keeping everything
 * written through the IAM API, the audit log (one JSON line per STS and IAM call) and the server's
 * log lines, neither of which ever holds a secret.
 */
class BootstrapEndToEndTest {
  private static final GetCallerIdentityRequest WHO = GetCallerIdentityRequest.getDefaultInstance();
  private static final String READ_REPORTS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

  @TempDir
  Path dir;

  private static boolean hasUser(RunningServer node, String name) {
    try {
      node.iam(node.root).getUser(GetUserRequest.newBuilder().setUserName(name).build());
      return true;
    } catch (io.grpc.StatusRuntimeException e) {
      assertEquals("NoSuchEntity", AwsErrors.detailOf(e).getCode(), () -> "status: " + e.getStatus());
      return false;
    }
  }

  @Test
  void applyingTheSameFileAgainChangesNothingAndAChangedFileIsApplied() throws Exception {
    Path file = TwoAccountBootstrap.write(dir);
    Map<Setting, String> flags = TwoAccountBootstrap.flags(file, Map.of());
    Path data = dir.resolve("data");
    long applied;
    try (RunningServer node = RunningServer.start(data, flags, Clock.systemUTC())) {
      assertEquals(PRIMARY, node.accountId, "the first account of the file is the primary account");
      assertEquals(ALICE_ARN, node.sts(ALICE).getCallerIdentity(WHO).getArn());
      applied = node.server().store().currentVersion();
    }
    try (RunningServer node = RunningServer.start(data, flags, Clock.systemUTC())) {
      assertEquals(applied, node.server().store().currentVersion(), "the second start wrote nothing");
      assertTrue(node.server().rootCredentialsFile().isEmpty());
      assertEquals(ALICE_ARN, node.sts(ALICE).getCallerIdentity(WHO).getArn());
    }

    Files.writeString(file, TwoAccountBootstrap.YAML.replace("      - name: bob\n",
        "      - name: zoe\n      - name: bob\n"));
    try (RunningServer node = RunningServer.start(data, flags, Clock.systemUTC())) {
      assertTrue(node.server().store().currentVersion() > applied, "a changed file is applied");
      assertTrue(hasUser(node, "zoe"));
      assertFalse(hasUser(node, "nobody"));
    }
  }

  @Test
  void aRestartKeepsUsersRolesPoliciesKeysAndSessions() throws Exception {
    Path data = dir.resolve("data");
    Credentials carol;
    Credentials session;
    String policyArn;
    try (RunningServer node = TwoAccountBootstrap.start(dir, Clock.systemUTC())) {
      var iam = node.iam(node.root);
      String carolArn = iam.createUser(CreateUserRequest.newBuilder().setUserName("carol").build()).getUser().getArn();
      AccessKey key = iam.createAccessKey(CreateAccessKeyRequest.newBuilder().setUserName("carol").build())
          .getAccessKey();
      carol = Credentials.longTerm(key.getAccessKeyId(), key.getSecretAccessKey());
      policyArn = iam.createPolicy(CreatePolicyRequest.newBuilder().setPolicyName("ReadReports")
          .setPolicyDocument(READ_REPORTS).build()).getPolicy().getArn();
      iam.createRole(CreateRoleRequest.newBuilder().setRoleName("Reporter")
          .setAssumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
              + "\"Principal\":{\"AWS\":\"" + carolArn + "\"},\"Action\":\"sts:AssumeRole\"}]}").build());
      iam.attachRolePolicy(AttachRolePolicyRequest.newBuilder().setRoleName("Reporter").setPolicyArn(policyArn).build());
      session = Sessions.of(node.sts(carol).assumeRole(assume(roleArn(PRIMARY, "Reporter"), "before").build())
          .getCredentials());
      assertEquals(Decision.ALLOW, node.authz(session).authorize(ask("s3:GetObject", REPORT)).getDecision());
    }

    // Restarted without the bootstrap file: everything comes from the store.
    try (RunningServer node = RunningServer.start(data)) {
      var iam = node.iam(node.root);
      assertEquals("carol", iam.getUser(GetUserRequest.newBuilder().setUserName("carol").build()).getUser().getUserName());
      Role reporter = iam.getRole(GetRoleRequest.newBuilder().setRoleName("Reporter").build()).getRole();
      assertTrue(reporter.getAssumeRolePolicyDocument().contains(":user/carol"), reporter.getAssumeRolePolicyDocument());
      Policy policy = iam.getPolicy(GetPolicyRequest.newBuilder().setPolicyArn(policyArn).build()).getPolicy();
      assertEquals("v1", policy.getDefaultVersionId());
      assertEquals(1, policy.getAttachmentCount());

      assertTrue(node.sts(carol).getCallerIdentity(WHO).getArn().endsWith(":user/carol"), "carol's key still signs");
      assertEquals(ALICE_ARN, node.sts(ALICE).getCallerIdentity(WHO).getArn(), "the bootstrap key still signs");
      assertEquals(Decision.ALLOW, node.authz(session).authorize(ask("s3:GetObject", REPORT)).getDecision(),
          "a session minted before the restart is still verified: the key ring was kept");
      Credentials fresh = Sessions.of(node.sts(carol).assumeRole(assume(roleArn(PRIMARY, "Reporter"), "after").build())
          .getCredentials());
      assertEquals(Decision.ALLOW, node.authz(fresh).authorize(ask("s3:GetObject", REPORT)).getDecision());
      assertEquals(Decision.IMPLICIT_DENY, node.authz(fresh).authorize(ask("s3:PutObject", REPORT)).getDecision());
    }
  }

  @Test
  void theAuditLogHasOneJsonLinePerCallAndNeverASecret() throws Exception {
    List<String> secrets = new ArrayList<>(List.of(ALICE.secretAccessKey(), BOB.secretAccessKey()));
    String deniedRequestId;
    Path log;
    List<String> logLines;
    try (LogCapture logs = new LogCapture(); RunningServer node = TwoAccountBootstrap.start(dir, Clock.systemUTC())) {
      log = node.dataDir().resolve("audit.log");
      secrets.add(node.root.secretAccessKey());
      AssumeRoleResponse assumed = node.sts(ALICE).assumeRole(assume(roleArn(PRIMARY, "Analyst"), "audited")
          .setPolicy(READ_REPORTS).build());
      Credentials session = Sessions.of(assumed.getCredentials());
      secrets.add(session.secretAccessKey());
      secrets.add(session.sessionToken());
      String[] jws = session.sessionToken().split("\\.");
      secrets.add(jws[1]); // the claims, with the sealed secret
      secrets.add(jws[2]); // the signature
      node.sts(session).getCallerIdentity(WHO);
      deniedRequestId = assertAwsError("AccessDenied", () -> node.sts(BOB).assumeRole(
          assume(roleArn(PRIMARY, "Deployer"), "denied").build())).detail().getRequestId();
      node.iam(node.root).createUser(CreateUserRequest.newBuilder().setUserName("audited").build());
      AccessKey key = node.iam(node.root).createAccessKey(
          CreateAccessKeyRequest.newBuilder().setUserName("audited").build()).getAccessKey();
      secrets.add(key.getSecretAccessKey());
      node.sts(Credentials.longTerm(key.getAccessKeyId(), key.getSecretAccessKey())).getCallerIdentity(WHO);
      secrets.add(node.iam(node.root).createVirtualMFADevice(CreateVirtualMFADeviceRequest.newBuilder()
          .setVirtualMfaDeviceName("audited-phone").build()).getVirtualMfaDevice().getBase32StringSeed());
      logLines = logs.lines();
    }
    assertTrue(logLines.stream().anyMatch(l -> l.contains("loaded access key " + ALICE.accessKeyId())),
        "the server's log lines were captured");
    for (String line : logLines) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), "a server log line holds a secret or a session token");
      }
    }

    String text = Files.readString(log);
    for (String secret : secrets) {
      assertFalse(secret.isEmpty());
      assertFalse(text.contains(secret), "the audit log holds a secret or a session token");
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    List<String> actions = lines.stream().map(l -> l.get("action").asText()).toList();
    assertEquals(List.of("AssumeRole", "GetCallerIdentity", "AssumeRole", "CreateUser", "CreateAccessKey",
        "GetCallerIdentity", "CreateVirtualMFADevice"), actions);

    JsonNode first = lines.get(0);
    assertEquals(ALICE_ARN, first.get("principal").asText());
    assertEquals(ALICE.accessKeyId(), first.get("accessKeyId").asText());
    assertEquals("Success", first.get("result").asText());
    assertEquals("127.0.0.1", first.get("sourceAddress").asText());
    JsonNode denied = lines.get(2);
    assertEquals("Failure", denied.get("result").asText());
    assertEquals("AccessDenied", denied.get("errorCode").asText());
    assertEquals(deniedRequestId, denied.get("requestId").asText(), "the caller's request id is the audit record's");
  }
}
