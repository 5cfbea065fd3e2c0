package dev.lanyard.cli.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanyard.cli.CliRun;
import dev.lanyard.cli.LanyardNode;
import dev.lanyard.cli.credentials.CliEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lanyard sts ...} against a real node. */
class StsCommandTest {
  @TempDir static Path folder;
  private static LanyardNode node;
  private static CliEnvironment root;
  private static CliEnvironment bob;
  private static String roleArn;

  @BeforeAll
  static void startNodeAndCreateUserAndRole() throws Exception {
    node = LanyardNode.start(folder);
    root = node.rootEnvironment();
    ok(root, "iam", "create-user", "--user-name", "bob");
    ok(root, "iam", "put-user-policy", "--user-name", "bob", "--policy-name", "sts",
        "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"sts:*\"],\"Resource\":\"*\"}]}");
    JsonNode key = ok(root, "iam", "create-access-key", "--user-name", "bob").json().get("AccessKey");
    bob = node.environment(key.get("AccessKeyId").asText(), key.get("SecretAccessKey").asText(), null);
    Path trust = folder.resolve("trust.json");
    Files.writeString(trust, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
        + "{\"AWS\":\"arn:aws:iam::" + node.accountId + ":user/bob\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]}]}");
    roleArn = ok(root, "iam", "create-role", "--role-name", "reader",
        "--assume-role-policy-document", "file://" + trust).json().get("Role").get("Arn").asText();
    ok(root, "iam", "put-role-policy", "--role-name", "reader", "--policy-name", "read",
        "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  static CliRun ok(CliEnvironment env, String... args) {
    CliRun run = CliRun.run(env, args);
    assertEquals(0, run.exitCode(), run::toString);
    return run;
  }

  @Test
  void getCallerIdentityAsRoot() {
    JsonNode id = ok(root, "sts", "get-caller-identity").json();
    assertEquals(node.accountId, id.get("Account").asText());
    assertEquals("arn:aws:iam::" + node.accountId + ":root", id.get("Arn").asText());
    assertTrue(id.has("UserId"));
  }

  @Test
  void assumeRolePrintsAwsCliShapeAndTheSessionWorks() {
    CliRun run = ok(bob, "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "s1",
        "--duration-seconds", "900", "--tags", "Key=team,Value=blue", "Key=env,Value=test",
        "--transitive-tag-keys", "team", "--source-identity", "bob-laptop",
        "--policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
    JsonNode out = run.json();
    JsonNode credentials = out.get("Credentials");
    assertTrue(credentials.get("AccessKeyId").asText().startsWith("ASIA"), run::toString);
    assertFalse(credentials.get("SecretAccessKey").asText().isEmpty());
    assertFalse(credentials.get("SessionToken").asText().isEmpty());
    assertTrue(credentials.get("Expiration").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/reader/s1",
        out.get("AssumedRoleUser").get("Arn").asText());
    assertTrue(out.get("AssumedRoleUser").get("AssumedRoleId").asText().endsWith(":s1"));
    assertTrue(out.get("PackedPolicySize").asInt() > 0, run::toString);
    assertEquals("bob-laptop", out.get("SourceIdentity").asText());

    CliEnvironment session = node.environment(credentials.get("AccessKeyId").asText(),
        credentials.get("SecretAccessKey").asText(), credentials.get("SessionToken").asText());
    JsonNode id = ok(session, "sts", "get-caller-identity").json();
    assertEquals("arn:aws:sts::" + node.accountId + ":assumed-role/reader/s1", id.get("Arn").asText());
  }

  @Test
  void getSessionTokenAndFederationToken() {
    JsonNode session = ok(bob, "sts", "get-session-token", "--duration-seconds", "900").json();
    assertTrue(session.get("Credentials").get("AccessKeyId").asText().startsWith("ASIA"));

    JsonNode federated = ok(bob, "sts", "get-federation-token", "--name", "carol",
        "--policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"*\"}]}").json();
    assertEquals("arn:aws:sts::" + node.accountId + ":federated-user/carol",
        federated.get("FederatedUser").get("Arn").asText());
    assertTrue(federated.get("Credentials").has("SessionToken"));
  }

  @Test
  void refusedCallExitsOneWithTheAwsCodeAndTheDenialDecodes() {
    CliRun refused = CliRun.run(root, "sts", "assume-role", "--role-arn",
        "arn:aws:iam::" + node.accountId + ":role/reader", "--role-session-name", "root-try");
    assertEquals(1, refused.exitCode(), refused::toString);
    assertTrue(refused.err().contains("AccessDenied"), refused::toString);
    assertTrue(refused.err().contains("What to do"), refused::toString);
    assertEquals("", refused.out());
    assertFalse(refused.err().contains(node.secretAccessKey), "no secret in errors");

    CliRun bobDenied = CliRun.run(bob, "iam", "create-user", "--user-name", "mallory");
    assertEquals(1, bobDenied.exitCode(), bobDenied::toString);
    assertTrue(bobDenied.err().contains("AccessDenied"), bobDenied::toString);
    String marker = "--encoded-message ";
    int at = bobDenied.err().indexOf(marker);
    assertTrue(at > 0, bobDenied::toString);
    String encoded = bobDenied.err().substring(at + marker.length()).split("[` \\n]")[0];
    JsonNode decoded = ok(root, "sts", "decode-authorization-message", "--encoded-message", encoded).json();
    assertTrue(decoded.get("DecodedMessage").asText().contains("iam:CreateUser"), decoded::toString);
  }

  @Test
  void federationCallsAreUnsignedAndRefuseBadProofs() throws Exception {
    Path token = folder.resolve("token.jwt");
    Files.writeString(token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
    CliRun web = CliRun.run(CliEnvironment.of(node.baseEnvironment(), node.home()), "sts",
        "assume-role-with-web-identity", "--role-arn", roleArn, "--role-session-name", "w",
        "--web-identity-token", "file://" + token);
    assertEquals(1, web.exitCode(), web::toString);
    assertFalse(web.err().contains("NoCredentials"), web::toString);
    assertFalse(web.err().contains("c2ln"), "the token is never echoed: " + web);

    CliRun saml = CliRun.run(CliEnvironment.of(node.baseEnvironment(), node.home()), "sts",
        "assume-role-with-saml", "--role-arn", roleArn,
        "--principal-arn", "arn:aws:iam::" + node.accountId + ":saml-provider/none", "--saml-assertion", "PHNhbWw+");
    assertEquals(1, saml.exitCode(), saml::toString);
    assertFalse(saml.err().contains("NoCredentials"), saml::toString);
  }

  @Test
  void tableOutputAlignsTheFields() {
    CliRun run = ok(root, "sts", "get-caller-identity", "--output", "table");
    String[] lines = run.out().split("\n");
    assertTrue(lines[0].matches("FIELD\\s+VALUE"), run::toString);
    assertTrue(run.out().contains("Account  " + node.accountId), run::toString);
  }

  @Test
  void unreachableEndpointExitsThree() {
    CliRun run = CliRun.run(root, "sts", "get-caller-identity", "--endpoint", "127.0.0.1:1");
    assertEquals(3, run.exitCode(), run::toString);
    assertTrue(run.err().contains("cannot reach"), run::toString);
    assertTrue(run.err().contains("127.0.0.1:1"), run::toString);
  }

  @Test
  void noCredentialsExitsOneAndSaysWhatToDo() {
    CliRun run = CliRun.run(CliEnvironment.of(node.baseEnvironment(), node.home()), "sts", "get-caller-identity");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("NoCredentials"), run::toString);
    assertTrue(run.err().contains("AWS_ACCESS_KEY_ID"), run::toString);
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, CliRun.run(root, "sts", "assume-role", "--role-session-name", "x").exitCode());
    assertEquals(2, CliRun.run(root, "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "x",
        "--tags", "team=blue").exitCode());
    assertEquals(2, CliRun.run(root, "sts", "get-caller-identity", "--endpoint", "nowhere").exitCode());
    assertEquals(2, CliRun.run(root, "sts", "get-caller-identity", "--output", "yaml").exitCode());
    assertEquals(2, CliRun.run(root, "sts").exitCode());
  }

  @Test
  void profileOptionSignsWithTheProfilesKeys() throws Exception {
    Path credentials = Files.createDirectories(node.home().resolve(".aws")).resolve("credentials");
    Files.writeString(credentials, "[admin]\naws_access_key_id = " + node.accessKeyId
        + "\naws_secret_access_key = " + node.secretAccessKey + "\n");
    Map<String, String> env = new HashMap<>(node.baseEnvironment());
    CliRun run = ok(CliEnvironment.of(env, node.home()), "sts", "get-caller-identity", "--profile", "admin");
    assertEquals(node.accountId, run.json().get("Account").asText());
  }

  @Test
  void helpListsVerbsOptionsAndExitCodes() {
    CliRun help = ok(root, "sts", "--help");
    for (var verb : StsCommand.VERBS) {
      assertTrue(help.out().contains(verb.name()), verb.name());
    }
    CliRun assume = ok(root, "sts", "assume-role", "--help");
    for (String option : new String[] {"--role-arn", "--role-session-name", "--duration-seconds", "--policy",
        "--policy-arns", "--external-id", "--serial-number", "--token-code", "--tags", "--transitive-tag-keys",
        "--source-identity", "--endpoint", "--profile", "--region", "--output", "--ca-file", "Exit codes"}) {
      assertTrue(assume.out().contains(option), option + "\n" + assume.out());
    }
  }
}
