package dev.lanyard.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lanyard agent}: its contract, and the refusals that happen before it serves anything. */
class AgentCommandTest {
  @TempDir Path dir;

  private CommandRun agent(String imds, String joinToken) {
    return joinToken == null
        ? CommandRun.run("", "agent", "--endpoint", "127.0.0.1:1", "--plaintext", "--state-dir", dir.resolve("state").toString(),
            "--imds-address", imds, "--container-address", "127.0.0.1:0",
            "--container-token-file", dir.resolve("container-token").toString())
        : CommandRun.run("", "agent", "--endpoint", "127.0.0.1:1", "--plaintext", "--join-token", joinToken,
            "--state-dir", dir.resolve("state").toString(), "--imds-address", imds, "--container-address",
            "127.0.0.1:0", "--container-token-file", dir.resolve("container-token").toString());
  }

  @Test
  void helpDocumentsTheContract() {
    CommandRun run = CommandRun.run("", "agent", "--help");
    assertEquals(0, run.exitCode());
    for (String option : new String[] {"--endpoint", "--join-token", "--state-dir", "--imds-address",
        "--container-address", "--container-token-file"}) {
      assertTrue(run.out().contains(option), option + " in:\n" + run.out());
    }
  }

  @Test
  void missingRequiredOptionsAreBadUsage() {
    CommandRun run = CommandRun.run("", "agent", "--endpoint", "127.0.0.1:1");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--state-dir"), run.err());
  }

  @Test
  void aNonLoopbackAddressIsRefused() {
    CommandRun run = agent("0.0.0.0:8181", null);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--imds-address") && run.err().contains("loopback"), run.err());
    CommandRun named = agent("localhost:8181", null);
    assertEquals(2, named.exitCode());
  }

  @Test
  void theFirstStartNeedsAJoinTokenAndWritesNoRecordWithoutOne() {
    CommandRun run = agent("127.0.0.1:0", null);
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("--join-token") && run.err().contains("not enrolled"), run.err());
    assertFalse(Files.exists(dir.resolve("state").resolve("instance.json")));
    assertTrue(Files.exists(dir.resolve("state").resolve("host-key")), "the host key is made before enrolling");
  }

  @Test
  void anUnreachableServerOnTheFirstStartIsReported() {
    CommandRun run = agent("127.0.0.1:0", "lyjt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("EnrollInstance failed"), run.err());
  }
}
