package dev.lanyard.cli.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A scenario for user alice reading {@code key}; the identity policy allows keys under a/. */
  private static String scenario(String key) {
    return "{\"request\": {\"principal\": \"arn:aws:iam::111122223333:user/alice\", \"action\": \"s3:GetObject\","
        + " \"resource\": \"arn:aws:s3:::bucket/" + key + "\", \"context\": {\"aws:SourceIp\": \"203.0.113.7\"}},"
        + " \"identityPolicies\": [{\"Version\": \"2012-10-17\", \"Statement\": ["
        + "{\"Sid\": \"ReadA\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::bucket/a/*\"},"
        + "{\"Sid\": \"NoSecrets\", \"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::bucket/a/secret*\"}]}]}";
  }

  @Test
  void oneScenarioFromFile() throws Exception {
    Path file = Files.writeString(dir.resolve("s.json"), scenario("a/report.txt"));
    CommandRun run = CommandRun.run("", "policy", "simulate", file.toString());
    assertEquals(0, run.exitCode(), run.err() + run.out());
    JsonNode line = JSON.readTree(run.out());
    assertEquals("Allow", line.get("decision").asText());
    assertEquals("identityPolicies[0]", line.get("statements").get(0).get("policy").asText());
    assertEquals(0, line.get("statements").get(0).get("statement").asInt());
    assertEquals("ReadA", line.get("statements").get(0).get("sid").asText());
    assertFalse(line.get("reason").asText().isBlank());
  }

  @Test
  void explicitDenyFromStdin() throws Exception {
    CommandRun run = CommandRun.run(scenario("a/secret.txt"), "policy", "simulate");
    assertEquals(0, run.exitCode());
    JsonNode line = JSON.readTree(run.out());
    assertEquals("ExplicitDeny", line.get("decision").asText());
    assertEquals("NoSecrets", line.get("statements").get(0).get("sid").asText());
  }

  @Test
  void sidLeftOutWhenAbsent() throws Exception {
    String noSid = scenario("b/x").replace("\"Sid\": \"ReadA\", ", "").replace("bucket/a/*", "bucket/b/*");
    JsonNode line = JSON.readTree(CommandRun.run(noSid, "policy", "simulate").out());
    assertEquals("Allow", line.get("decision").asText());
    assertFalse(line.get("statements").get(0).has("sid"));
  }

  @Test
  void invalidScenarioExitsOneWithErrorNamingTheField() throws Exception {
    CommandRun run = CommandRun.run("{\"request\": {\"action\": \"s3:GetObject\", \"resource\": \"*\"}}", "policy", "simulate");
    assertEquals(1, run.exitCode());
    JsonNode line = JSON.readTree(run.out());
    assertTrue(line.get("error").asText().contains("request.principal"), line.toString());
  }

  @Test
  void invalidPolicyInScenarioNamesItsLabel() throws Exception {
    String bad = scenario("a/x").replace("\"Effect\": \"Allow\"", "\"Effect\": \"Permit\"");
    CommandRun run = CommandRun.run(bad, "policy", "simulate");
    assertEquals(1, run.exitCode());
    assertTrue(JSON.readTree(run.out()).get("error").asText().contains("identityPolicies[0]"), run.out());
  }

  @Test
  void missingFileIsBadUsage() {
    assertEquals(2, CommandRun.run("", "policy", "simulate", dir.resolve("nope.json").toString()).exitCode());
  }

  @Test
  void unknownOptionIsBadUsage() {
    assertEquals(2, CommandRun.run("", "policy", "simulate", "--fast").exitCode());
  }

  @Test
  void helpDocumentsExitCodes() {
    CommandRun run = CommandRun.run("", "policy", "simulate", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Exit codes"), run.out());
  }

  @Test
  void twoThousandLinesInOrderWithErrorsInline() throws Exception {
    StringBuilder input = new StringBuilder();
    int count = 2000;
    for (int i = 0; i < count; i++) {
      String line = switch (i % 4) {
        case 0 -> scenario("a/" + i);
        case 1 -> scenario("a/secret-" + i);
        case 2 -> scenario("b/" + i);
        default -> "{\"request\": " + i + "}";
      };
      input.append(line).append('\n');
    }
    CommandRun run = CommandRun.run(input.toString(), "policy", "simulate", "--lines");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(count, lines.size());
    for (int i = 0; i < count; i++) {
      JsonNode line = JSON.readTree(lines.get(i));
      switch (i % 4) {
        case 0 -> assertEquals("Allow", line.get("decision").asText(), "line " + i);
        case 1 -> assertEquals("ExplicitDeny", line.get("decision").asText(), "line " + i);
        case 2 -> assertEquals("ImplicitDeny", line.get("decision").asText(), "line " + i);
        default -> assertTrue(line.get("error").asText().contains("request"), "line " + i + ": " + line);
      }
    }
  }

  @Test
  void blankLineGetsAnErrorLineSoOutputStaysAligned() throws Exception {
    CommandRun run = CommandRun.run(scenario("a/1") + "\n\n" + scenario("b/2") + "\n", "policy", "simulate", "--lines");
    List<String> lines = run.out().lines().toList();
    assertEquals(3, lines.size());
    assertEquals("Allow", JSON.readTree(lines.get(0)).get("decision").asText());
    assertTrue(JSON.readTree(lines.get(1)).has("error"));
    assertEquals("ImplicitDeny", JSON.readTree(lines.get(2)).get("decision").asText());
  }
}
