package dev.lanyard.cli.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = """
      {"Version": "2012-10-17",
       "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}]}
      """;
  private static final String PRINCIPAL_IN_IDENTITY = """
      {"Version": "2012-10-17",
       "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}
      """;

  @TempDir Path dir;

  @Test
  void validFileExitsZeroWithNoErrors() throws Exception {
    Path file = Files.writeString(dir.resolve("p.json"), VALID);
    CommandRun run = CommandRun.run("", "policy", "validate", "--type", "identity", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode report = JSON.readTree(run.out());
    assertTrue(report.get("valid").asBoolean());
    assertEquals("identity", report.get("type").asText());
    assertTrue(report.get("findings").isArray());
    assertEquals(1, run.out().strip().lines().count(), "one line of JSON");
  }

  @Test
  void invalidDocumentOnStdinExitsOneWithLocatedFinding() throws Exception {
    CommandRun run = CommandRun.run(PRINCIPAL_IN_IDENTITY, "policy", "validate", "--type", "identity");
    assertEquals(1, run.exitCode(), run.out());
    JsonNode report = JSON.readTree(run.out());
    assertFalse(report.get("valid").asBoolean());
    JsonNode finding = report.get("findings").get(0);
    assertEquals("MalformedPolicyDocument", finding.get("code").asText());
    assertEquals("ERROR", finding.get("severity").asText());
    assertTrue(finding.get("path").asText().startsWith("$.Statement"), finding.toString());
    assertTrue(finding.get("line").asInt() >= 1, finding.toString());
    assertTrue(finding.get("column").asInt() >= 1, finding.toString());
    assertFalse(finding.get("message").asText().isBlank());
  }

  @Test
  void sameDocumentIsValidAsResourcePolicy() {
    CommandRun run = CommandRun.run(PRINCIPAL_IN_IDENTITY, "policy", "validate", "--type", "resource");
    assertEquals(0, run.exitCode(), run.out());
  }

  @Test
  void malformedJsonExitsOne() throws Exception {
    CommandRun run = CommandRun.run("{\"Version\": ", "policy", "validate", "--type", "identity");
    assertEquals(1, run.exitCode());
    assertFalse(JSON.readTree(run.out()).get("valid").asBoolean());
  }

  @Test
  void invalidUtf8ExitsOne() throws Exception {
    byte[] bytes = {'{', '"', 'V', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
    CommandRun run = CommandRun.run(bytes, "policy", "validate", "--type", "identity");
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(JSON.readTree(run.out()).get("findings").get(0).get("message").asText().contains("UTF-8"));
  }

  @Test
  void unknownTypeIsBadUsage() {
    CommandRun run = CommandRun.run(VALID, "policy", "validate", "--type", "bucket");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("identity"), "lists accepted types: " + run.err());
    assertTrue(run.out().isEmpty());
  }

  @Test
  void missingTypeIsBadUsage() {
    assertEquals(2, CommandRun.run(VALID, "policy", "validate").exitCode());
  }

  @Test
  void missingFileIsBadUsage() {
    CommandRun run = CommandRun.run("", "policy", "validate", "--type", "identity", dir.resolve("absent.json").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("absent.json"), run.err());
  }

  @Test
  void unknownOptionIsBadUsage() {
    assertEquals(2, CommandRun.run(VALID, "policy", "validate", "--type", "identity", "--strict").exitCode());
  }

  @Test
  void helpDocumentsExitCodes() {
    CommandRun run = CommandRun.run("", "policy", "validate", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Exit codes"), run.out());
    assertTrue(run.out().contains("bad usage"), run.out());
  }
}
