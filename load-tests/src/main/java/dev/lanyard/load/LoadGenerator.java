package dev.lanyard.load;

import dev.lanyard.load.idp.IdpDirectory;
import dev.lanyard.sdk.client.Endpoint;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.StaticCredentialsProvider;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gRPC load generator: drives one scenario (AssumeRole, GetCallerIdentity, Authorize,
 * AuthorizeBatch, AssumeRoleWithWebIdentity with an identity provider it hosts on loopback HTTPS)
 * against one or several Lanyard nodes on this machine, open loop ({@code --rate})
 * or closed loop ({@code --concurrency}), with a warm-up, a measured duration, a progress line each
 * second, and a report of latency (HdrHistogram), throughput and errors by AWS error code, also as
 * JSON and markdown. It stops by itself: calls are sent until the end of the run, then it waits for
 * the calls in flight (at most the call deadline) and exits.
 *
 * <pre>{@code
 * java -cp load-tests/target/benchmarks.jar dev.lanyard.load.LoadGenerator --help
 * java -cp load-tests/target/benchmarks.jar dev.lanyard.load.LoadGenerator --setup \
 *     --credentials lanyard-data/root-credentials.json --scenario authorize --concurrency 64
 * java -cp load-tests/target/benchmarks.jar dev.lanyard.load.LoadGenerator --init-idp idp   # then start the
 *     # node with --oidc-ca-file idp/idp-ca.pem, and drive it with --scenario web-identity --idp-dir idp
 * }</pre>
 *
 * Exit status: 0 after a run with at least one successful call (or after {@code --init-idp}), 1
 * when none succeeded or the run could not start, 2 for a usage error.
 */
public final class LoadGenerator {
  static final Duration CALL_DEADLINE = Duration.ofSeconds(10);

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (LoadOptions.wantsHelp(args)) {
      out.print(LoadOptions.USAGE);
      return 0;
    }
    LoadOptions options;
    CredentialsFile start;
    Path initIdp;
    try {
      initIdp = LoadOptions.initIdp(args);
      options = initIdp != null ? null : LoadOptions.parse(args);
      start = options == null || options.credentials() == null ? null : CredentialsFile.read(options.credentials());
    } catch (IllegalArgumentException e) {
      err.println("lanyard-load: " + e.getMessage());
      return 2;
    }
    if (initIdp != null) {
      return initIdp(initIdp, out, err);
    }
    try {
      RunReport report = drive(options, start, out);
      out.print(report.toText());
      write(options.json(), report.toJson(), out);
      write(options.markdown(), report.toMarkdown(), out);
      return report.okCalls() > 0 ? 0 : 1;
    } catch (RuntimeException | IOException e) {
      err.println("lanyard-load: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }

  /** Creates (or keeps) the IdP's files in {@code dir} and prints the path of its CA file. */
  private static int initIdp(Path dir, PrintStream out, PrintStream err) {
    try {
      out.println(IdpDirectory.openOrCreate(dir).caFile().toAbsolutePath());
      return 0;
    } catch (IOException e) {
      err.println("lanyard-load: " + e.getMessage());
      return 1;
    }
  }

  private static RunReport drive(LoadOptions o, CredentialsFile start, PrintStream out)
      throws InterruptedException, IOException {
    if (o.scenario() != Scenario.WEB_IDENTITY) {
      return measure(o, identity(o, start, out), out);
    }
    try (WebIdentityLoad web = WebIdentityLoad.start(o, start, out)) {
      return measure(o, web.identity(), out);
    }
  }

  /** Who the signed scenarios run as: the load user made by {@code --setup}, or the starting credentials. */
  private static LoadIdentity identity(LoadOptions o, CredentialsFile start, PrintStream out)
      throws InterruptedException {
    if (!o.setup()) {
      return new LoadIdentity(start.credentials(), o.roleArn());
    }
    try (LanyardClient admin = client(o.targets().subList(0, 1), start.credentials())) {
      return LoadSetup.run(admin, start.accountId(), o.targets().stream().map(Object::toString).toList(),
          c -> o.targets().stream().map(t -> client(List.of(t), c)).toList(), out);
    }
  }

  private static RunReport measure(LoadOptions o, LoadIdentity identity, PrintStream out) throws InterruptedException {
    List<LanyardClient> clients = new ArrayList<>();
    try {
      // One single-endpoint client per target and connection, taken in turn: the SDK client's shared
      // channel() signs with its first endpoint's host, which other endpoints refuse.
      for (int i = 0; i < o.connections(); i++) {
        for (Endpoint target : o.targets()) {
          clients.add(client(List.of(target), identity.credentials()));
        }
      }
      LoadCall call = ScenarioCalls.prepare(o.scenario(), identity, clients, o.batchSize(),
          o.warmup().plus(o.duration()));
      out.printf("%s, %s against %s: %ds warm-up, %ds measured%n", o.scenario().cliName(), o.modeDescription(),
          o.targets(), o.warmup().toSeconds(), o.duration().toSeconds());
      Instant startedAt = Instant.now();
      long begin = System.nanoTime() + 1_000_000L;
      long measureFrom = begin + o.warmup().toNanos();
      long end = measureFrom + o.duration().toNanos();
      LatencyLog log = new LatencyLog(measureFrom, end);
      LoadDriver driver = o.openLoop()
          ? new OpenLoopDriver(new OpenLoopSchedule(begin, o.rate(), o.ramp().toNanos()), o.maxInFlight())
          : new ClosedLoopDriver(o.concurrency());
      Thread progress = ProgressLine.start(log, begin, measureFrom, out);
      try {
        driver.run(call, end, log);
        if (!log.awaitIdle(CALL_DEADLINE.plusSeconds(2).toNanos())) {
          out.println("warning: " + log.inFlight() + " calls still in flight after the call deadline; not counted");
        }
      } finally {
        progress.interrupt();
        progress.join(2_000);
      }
      return RunReport.of(o, startedAt, log);
    } finally {
      clients.forEach(LanyardClient::close);
    }
  }

  /**
   * A plaintext client of {@code targets} signing with {@code credentials} (unsigned when null),
   * without retries of load calls.
   */
  static LanyardClient client(List<Endpoint> targets, Credentials credentials) {
    LanyardClient.Builder builder = LanyardClient.builder()
        .endpoints(targets)
        .deadline(CALL_DEADLINE);
    if (credentials != null) {
      builder.credentials(new StaticCredentialsProvider(credentials));
    }
    // The generator's callbacks (record the latency, send the next call) never block, so they run
    // on the transport's threads: a hand-off to gRPC's default pool per call cost more CPU than the
    // call itself and left less of the shared machine to the node under test.
    builder.channelFactory(endpoint -> Grpc.newChannelBuilderForAddress(endpoint.host(), endpoint.port(),
        InsecureChannelCredentials.create()).directExecutor().build());
    return builder.build();
  }

  private static void write(Path file, String text, PrintStream out) throws IOException {
    if (file == null) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text);
    out.println("wrote " + file);
  }
}
