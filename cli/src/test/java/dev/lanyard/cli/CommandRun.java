package dev.lanyard.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The result of running {@code lanyard} in-process: exit code and captured streams. */
public record CommandRun(int exitCode, String out, String err) {

  /** Runs {@code lanyard args...} with {@code stdin} as standard input. */
  public static CommandRun run(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LanyardCommand.commandLine(new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err))
        .execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** Runs {@code lanyard args...} with {@code stdin} as standard input, UTF-8 encoded. */
  public static CommandRun run(String stdin, String... args) {
    return run(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8), args);
  }
}
