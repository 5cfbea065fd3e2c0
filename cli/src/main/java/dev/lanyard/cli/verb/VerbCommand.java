package dev.lanyard.cli.verb;

import com.google.protobuf.Message;
import dev.lanyard.cli.credentials.CliEnvironment;
import dev.lanyard.cli.credentials.ConnectionOptions;
import dev.lanyard.cli.credentials.ConnectionSettings;
import dev.lanyard.cli.credentials.EnvironmentScope;
import dev.lanyard.cli.credentials.ServerConnection;
import dev.lanyard.cli.output.ExitCodes;
import dev.lanyard.cli.output.FailureReport;
import dev.lanyard.cli.output.OutputOptions;
import dev.lanyard.cli.output.ResultPrinter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Runs one {@link Verb}: builds the request from the options, calls the server with the credentials
 * of the environment (or {@code --profile}), prints the response, and exits with the documented
 * code.
 */
public final class VerbCommand implements Callable<Integer> {
  private final Verb verb;
  private final RequestOptions request;
  private final ConnectionOptions connection = new ConnectionOptions();
  private final OutputOptions output = new OutputOptions();
  private CommandSpec spec;

  private VerbCommand(Verb verb) {
    this.verb = verb;
    this.request = new RequestOptions(verb);
  }

  /** Adds each verb to {@code group} as a subcommand. */
  public static CommandSpec addAll(CommandSpec group, List<Verb> verbs) {
    for (Verb verb : verbs) {
      group.addSubcommand(verb.name(), spec(verb));
    }
    return group;
  }

  /** The command of one verb: its request options, the connection options and {@code --output}. */
  static CommandSpec spec(Verb verb) {
    VerbCommand command = new VerbCommand(verb);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    spec.name(verb.name());
    spec.mixinStandardHelpOptions(true);
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (String line : ExitCodes.HELP) {
      int colon = line.indexOf(':');
      exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
    }
    spec.usageMessage().description(verb.description()).exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    command.request.addTo(spec);
    spec.addMixin("connection", CommandSpec.forAnnotatedObject(command.connection));
    spec.addMixin("output", CommandSpec.forAnnotatedObject(command.output));
    return spec;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = EnvironmentScope.find(spec);
    Message built;
    ConnectionSettings settings;
    try {
      built = request.build();
      settings = connection.settings(environment);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (ServerConnection server = ServerConnection.open(settings, environment, verb.signed())) {
      Message response = verb.invoker().invoke(server.client(), built);
      ResultPrinter.print(response, output.format(), spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      return FailureReport.report(e, settings.endpointList(), spec.commandLine().getErr());
    }
  }
}
