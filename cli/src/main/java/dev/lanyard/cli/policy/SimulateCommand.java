package dev.lanyard.cli.policy;

import dev.lanyard.policy.simulate.DecisionJson;
import dev.lanyard.policy.simulate.ScenarioException;
import dev.lanyard.policy.simulate.ScenarioReader;
import dev.lanyard.policy.simulate.Simulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lanyard policy simulate [--lines] [FILE]}: one scenario in, one decision line out; with
 * {@code --lines}, one scenario per input line and one output line per input line, in order.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Decide one authorisation scenario (FILE, or standard input) and print the decision line:",
      "{\"decision\": \"Allow|ExplicitDeny|ImplicitDeny\", \"statements\": [...], \"reason\": \"...\"}.",
      "With --lines, read one scenario JSON object per line and print one line per scenario, in order;",
      "a scenario that is itself invalid prints {\"error\": \"...\"} and the stream goes on."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:a decision was printed (whatever it is); with --lines, the whole stream was read",
      "1:the scenario is invalid ({\"error\": ...} was printed)",
      "2:bad usage: unknown option, missing or unreadable FILE"
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--lines", description = "one scenario per line in, one decision per line out")
  private boolean lines;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "the scenario(s); standard input when absent")
  private Path file;

  private final InputStream stdin;
  private final ScenarioReader reader = new ScenarioReader();
  private final Simulator simulator = new Simulator();

  /** A command reading standard input from {@code stdin} when no FILE is given. */
  public SimulateCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    InputText.requireReadable(file, spec);
    PrintWriter out = spec.commandLine().getOut();
    if (lines) {
      try (InputStream in = file == null ? stdin : Files.newInputStream(file)) {
        simulateLines(in, out);
      }
      return 0;
    }
    String text;
    try {
      text = InputText.utf8(InputText.readAll(file, stdin, spec));
    } catch (CharacterCodingException e) {
      out.println(DecisionJson.errorLine("the scenario is not valid UTF-8 text"));
      out.flush();
      return 1;
    }
    String line = answer(text);
    out.println(line);
    out.flush();
    return line.startsWith("{\"error\"") ? 1 : 0;
  }

  /**
   * One answer per input line. Output is buffered and flushed only when no more input is ready,
   * so a batch costs few writes while an interactive caller still sees each answer.
   */
  private void simulateLines(InputStream in, PrintWriter out) throws IOException {
    BufferedReader input = new BufferedReader(new InputStreamReader(in,
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    int number = 0;
    String text;
    while ((text = input.readLine()) != null) {
      number++;
      out.println(text.isBlank()
          ? DecisionJson.errorLine("line " + number + " is empty; expected one scenario JSON object")
          : answer(text));
      if (!input.ready()) {
        out.flush();
      }
    }
    out.flush();
  }

  /** The decision line for one scenario, or its error line. */
  private String answer(String scenarioJson) {
    try {
      return DecisionJson.line(simulator.simulate(reader.read(scenarioJson)));
    } catch (ScenarioException e) {
      return DecisionJson.errorLine(e.getMessage());
    } catch (UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      return DecisionJson.errorLine("the scenario could not be evaluated (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }
}
