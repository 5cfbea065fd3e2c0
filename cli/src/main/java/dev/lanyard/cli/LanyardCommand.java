package dev.lanyard.cli;

import dev.lanyard.cli.policy.PolicyCommand;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lanyard} command. It only groups subcommands: {@code policy} now; {@code sts},
 * {@code iam} and {@code agent} join it by being listed in {@code subcommands}. A subcommand that
 * reads standard input declares a constructor taking an {@link InputStream}, so that tests can
 * run it in-process with their own input.
 */
@Command(
    name = "lanyard",
    mixinStandardHelpOptions = true,
    versionProvider = JarVersion.class,
    description = "Lanyard: a security token service modelled on AWS IAM and STS.",
    subcommands = {
      PolicyCommand.class,
      dev.lanyard.cli.sts.StsCommand.class,
      dev.lanyard.cli.iam.IamCommand.class,
      dev.lanyard.cli.authz.AuthzCommand.class,
      dev.lanyard.cli.credentials.CredentialProcessCommand.class,
      dev.lanyard.cli.agent.AgentCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the command ran and reported a failure", "2:bad usage",
        "3:cannot reach the server (sts, iam, authz, credential-process)"})
public final class LanyardCommand {

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code;
    try {
      code = commandLine(System.in, out, err).execute(args);
    } finally {
      out.flush();
    }
    System.exit(code);
  }

  /**
   * The command line with its streams: {@code in} is given to subcommands that read standard
   * input; {@code out} is not flushed per line (commands flush when they wait for input or end).
   */
  public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new LanyardCommand(), new InputAwareFactory(in));
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine;
  }

  /** Creates commands, passing standard input to those with an {@code (InputStream)} constructor. */
  private static final class InputAwareFactory implements CommandLine.IFactory {
    private final InputStream in;
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

    InputAwareFactory(InputStream in) {
      this.in = in;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> constructor = type.getDeclaredConstructor(InputStream.class);
        return constructor.newInstance(in);
      } catch (NoSuchMethodException e) {
        return defaults.create(type);
      }
    }
  }
}
