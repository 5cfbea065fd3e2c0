package dev.lanyard.sts;

import dev.lanyard.sts.bootstrap.BootstrapException;
import dev.lanyard.sts.config.ConfigException;
import dev.lanyard.sts.config.ConfigResolver;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.server.JsonLogFormatter;
import dev.lanyard.sts.server.LanyardServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code java -jar lanyard-server.jar [--flag value ...]}: starts a Lanyard node. Every
 * {@link Setting} is a flag, an environment variable {@code LANYARD_…} and a config-file key; the
 * flags are generated from {@link Setting} so the three never drift apart. Exit codes: 0 after a
 * clean shutdown (SIGTERM), 1 when the server cannot start, 2 on bad usage or configuration.
 */
public final class LanyardServerMain {
  /** Held so its level survives: loggers are weakly referenced by the LogManager. */
  private static final Logger NETTY_LOGGER = Logger.getLogger("io.grpc.netty.shaded");

  private LanyardServerMain() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("lanyard-server").mixinStandardHelpOptions(true);
    spec.usageMessage().description(
        "Runs a Lanyard node: the STS, IAM and Authorizer gRPC services and the HTTP port.",
        "Each option is also an environment variable LANYARD_<NAME> and a key in --config FILE;",
        "a flag beats the environment, which beats the file.");
    spec.addOption(OptionSpec.builder("--config").paramLabel("FILE").type(String.class)
        .description("Config file (YAML or JSON) with settings by their option names.").build());
    for (Setting s : Setting.values()) {
      OptionSpec.Builder option = OptionSpec.builder(s.flag()).paramLabel(s.key().toUpperCase().replace('-', '_'))
          .type(String.class)
          .description(s.description() + (s.defaultValue() == null ? "" : " Default: " + s.defaultValue() + "."));
      if (s.isSwitch()) {
        option.arity("0..1").fallbackValue("true").paramLabel("true|false");
      }
      spec.addOption(option.build());
    }
    return spec;
  }

  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(spec());
    ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println(e.getMessage());
      err.println("Run with --help for the options.");
      return 2;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return 0;
    }
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      if (parsed.hasMatchedOption(s.flag())) {
        flags.put(s, parsed.matchedOptionValue(s.flag(), (String) null));
      }
    }
    String configFile = parsed.matchedOptionValue("--config", (String) null);
    ServerConfig config;
    try {
      config = new ConfigResolver(flags, System.getenv(),
          configFile == null ? null : Path.of(configFile)).resolve();
    } catch (ConfigException e) {
      err.println("lanyard-server: " + e.getMessage());
      return 2;
    }
    installJsonLogging();
    LanyardServer server;
    try {
      server = LanyardServer.builder(config).start();
    } catch (ConfigException | BootstrapException e) {
      err.println("lanyard-server: " + e.getMessage());
      return 2;
    } catch (LanyardException e) {
      err.println("lanyard-server: cannot start: " + e.code() + ": " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("lanyard-server: cannot start: " + e);
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "lanyard-shutdown"));
    if (!server.ready()) {
      out.println("Lanyard node " + config.nodeId() + ": HTTP on " + config.bind() + ":"
          + server.httpPort() + " (not ready); the store is unreachable, retrying; gRPC starts once"
          + " the node can load its state");
    }
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    server.serving().whenComplete((ok, e) -> {
      if (e == null) {
        printServing(out, config, server);
      } else {
        err.println("lanyard-server: cannot start: " + e.getClass().getSimpleName());
        failed.set(true);
        server.close();
      }
    });
    try {
      server.awaitTermination();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return failed.get() ? 1 : 0;
  }

  private static void printServing(PrintWriter out, ServerConfig config, LanyardServer server) {
    out.println("Lanyard node " + config.nodeId() + " serving gRPC on " + config.bind() + ":"
        + server.grpcPort() + " and HTTP on " + config.bind() + ":" + server.httpPort()
        + " (account " + server.primaryAccountId() + ", data in " + config.dataDir() + ")");
    server.rootCredentialsFile().ifPresent(f -> out.println(
        "Root access key for account " + server.primaryAccountId() + " written to " + f
            + " (mode 0600); keep it safe and create IAM users for everyday work."));
  }

  private static void installJsonLogging() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler handler = new ConsoleHandler();
    handler.setFormatter(new JsonLogFormatter());
    handler.setLevel(Level.INFO);
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    // Netty's frame logging at FINE would print request headers, session tokens included.
    NETTY_LOGGER.setLevel(Level.INFO);
  }
}
