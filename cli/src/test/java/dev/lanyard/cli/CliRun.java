package dev.lanyard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.cli.credentials.CliEnvironment;
import dev.lanyard.cli.credentials.EnvironmentScope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * {@code lanyard args...} run in-process with the server commands reading a given
 * {@link CliEnvironment} instead of the process's: exit code and captured streams.
 */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(CliEnvironment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        LanyardCommand.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      if (sub.getCommand() instanceof EnvironmentScope scope) {
        scope.useEnvironment(environment);
      }
    }
    int code = commandLine.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Standard output parsed as JSON. */
  public JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + this, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
