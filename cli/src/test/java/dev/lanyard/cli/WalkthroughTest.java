package dev.lanyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.cli.credentials.CliEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's walk-through, step by step, against a real node. */
class WalkthroughTest {
  @TempDir Path folder;

  private static JsonNode ok(CliEnvironment env, String... args) {
    CliRun run = CliRun.run(env, args);
    assertEquals(0, run.exitCode(), run::toString);
    return run.out().isEmpty() ? null : run.json();
  }

  @Test
  void userAssumesARoleAndTheSessionIsAuthorised() throws Exception {
    try (LanyardNode node = LanyardNode.start(folder)) {
      CliEnvironment root = node.rootEnvironment();
      ok(root, "iam", "create-user", "--user-name", "alice");
      JsonNode key = ok(root, "iam", "create-access-key", "--user-name", "alice").get("AccessKey");
      ok(root, "iam", "put-user-policy", "--user-name", "alice", "--policy-name", "assume-reader",
          "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
              + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::" + node.accountId + ":role/reader\"}]}");
      ok(root, "iam", "create-role", "--role-name", "reader", "--assume-role-policy-document",
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
              + node.accountId + ":user/alice\"},\"Action\":\"sts:AssumeRole\"}]}");
      ok(root, "iam", "put-role-policy", "--role-name", "reader", "--policy-name", "read-reports",
          "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
              + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}");

      CliEnvironment alice = node.environment(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText(), null);
      JsonNode credentials = ok(alice, "sts", "assume-role", "--role-arn",
          "arn:aws:iam::" + node.accountId + ":role/reader", "--role-session-name", "alice-reports")
          .get("Credentials");
      CliEnvironment session = node.environment(credentials.get("AccessKeyId").asText(),
          credentials.get("SecretAccessKey").asText(), credentials.get("SessionToken").asText());

      JsonNode allowed = ok(session, "authz", "authorize", "--action", "s3:GetObject",
          "--resource", "arn:aws:s3:::reports/2026/q1.csv", "--context", "aws:SourceIp=10.0.0.7");
      assertEquals("Allow", allowed.get("Decision").asText(), allowed::toString);
      assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/reader/alice-reports",
          allowed.get("PrincipalArn").asText());
      assertTrue(allowed.get("DecidingStatements").get(0).get("PolicyType").asText().equals("IdentityPolicy"),
          allowed::toString);

      JsonNode denied = ok(session, "authz", "authorize", "--action", "s3:PutObject",
          "--resource", "arn:aws:s3:::reports/2026/q1.csv");
      assertEquals("ImplicitDeny", denied.get("Decision").asText(), denied::toString);
    }
  }
}
