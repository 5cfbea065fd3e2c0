package dev.lanyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanyardCommandTest {

  @Test
  void versionIsPrinted() {
    CommandRun run = CommandRun.run("", "--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("lanyard "), run.out());
  }

  @Test
  void helpListsPolicyAndExitCodes() {
    CommandRun run = CommandRun.run("", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("policy"), run.out());
    assertTrue(run.out().contains("Exit codes"), run.out());
  }

  @Test
  void missingSubcommandIsBadUsage() {
    CommandRun run = CommandRun.run("");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("subcommand"), run.err());
  }

  @Test
  void missingPolicySubcommandIsBadUsage() {
    assertEquals(2, CommandRun.run("", "policy").exitCode());
  }

  @Test
  void unknownSubcommandIsBadUsage() {
    assertEquals(2, CommandRun.run("", "frobnicate").exitCode());
  }
}
