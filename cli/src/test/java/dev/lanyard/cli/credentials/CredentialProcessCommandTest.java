package dev.lanyard.cli.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.cli.CliRun;
import dev.lanyard.cli.LanyardNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lanyard credential-process --profile P} against a real node and real profile files. */
class CredentialProcessCommandTest {
  @TempDir static Path folder;
  private static LanyardNode node;
  private static CliEnvironment environment;
  private static String userKeyId;

  @BeforeAll
  static void startNodeAndWriteProfiles() throws Exception {
    node = LanyardNode.start(folder);
    CliEnvironment root = node.rootEnvironment();
    run(root, "iam", "create-user", "--user-name", "ci");
    JsonNode key = run(root, "iam", "create-access-key", "--user-name", "ci").json().get("AccessKey");
    userKeyId = key.get("AccessKeyId").asText();
    run(root, "iam", "create-role", "--role-name", "deploy", "--assume-role-policy-document",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
            + node.accountId + ":user/ci\"},\"Action\":\"sts:AssumeRole\"}]}");
    run(root, "iam", "put-user-policy", "--user-name", "ci", "--policy-name", "assume", "--policy-document",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
    Path aws = Files.createDirectories(node.home().resolve(".aws"));
    Files.writeString(aws.resolve("credentials"), "[ci]\naws_access_key_id = " + userKeyId
        + "\naws_secret_access_key = " + key.get("SecretAccessKey").asText() + "\n");
    Files.writeString(aws.resolve("config"), "[profile deploy]\nrole_arn = arn:aws:iam::" + node.accountId
        + ":role/deploy\nsource_profile = ci\nrole_session_name = pipeline\n");
    environment = CliEnvironment.of(node.baseEnvironment(), node.home());
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  private static CliRun run(CliEnvironment env, String... args) {
    CliRun run = CliRun.run(env, args);
    assertEquals(0, run.exitCode(), run::toString);
    return run;
  }

  @Test
  void staticProfilePrintsVersionOneWithoutSessionFields() {
    JsonNode doc = run(environment, "credential-process", "--profile", "ci").json();
    assertEquals(1, doc.get("Version").asInt());
    assertEquals(userKeyId, doc.get("AccessKeyId").asText());
    assertEquals(40, doc.get("SecretAccessKey").asText().length());
    assertFalse(doc.has("SessionToken"));
    assertFalse(doc.has("Expiration"));
  }

  @Test
  void roleProfileAssumesTheRoleThroughItsSourceProfile() {
    JsonNode doc = run(environment, "credential-process", "--profile", "deploy").json();
    assertEquals(1, doc.get("Version").asInt());
    assertTrue(doc.get("AccessKeyId").asText().startsWith("ASIA"), doc::toString);
    assertFalse(doc.get("SessionToken").asText().isEmpty());
    assertTrue(Instant.parse(doc.get("Expiration").asText()).isAfter(Instant.now()));

    CliEnvironment session = node.environment(doc.get("AccessKeyId").asText(), doc.get("SecretAccessKey").asText(),
        doc.get("SessionToken").asText());
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/deploy/pipeline",
        run(session, "sts", "get-caller-identity").json().get("Arn").asText());
  }

  @Test
  void unknownProfileExitsOneAndMissingProfileOptionExitsTwo() {
    CliRun unknown = CliRun.run(environment, "credential-process", "--profile", "nope");
    assertEquals(1, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().contains("nope"), unknown::toString);
    assertEquals("", unknown.out());

    CliRun missing = CliRun.run(environment, "credential-process");
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("--profile"), missing::toString);
  }

  @Test
  void roleProfileWithTheServerDownExitsThree() {
    CliRun run = CliRun.run(environment, "credential-process", "--profile", "deploy", "--endpoint", "127.0.0.1:1");
    assertEquals(3, run.exitCode(), run::toString);
    assertFalse(run.err().contains("aws_secret_access_key ="), run::toString);
  }
}
