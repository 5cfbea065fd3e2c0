package dev.lanyard.load;

import dev.lanyard.sdk.client.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The load generator's command line. Exactly one of {@code rate} (open loop) and
 * {@code concurrency} (closed loop) is set.
 *
 * @param targets the nodes, loopback addresses only
 * @param rate open loop: calls per second, or null
 * @param concurrency closed loop: calls in flight at all times, or null
 * @param ramp open loop: how long the rate climbs from 0, within the warm-up (default half of it)
 * @param batchSize decisions per AuthorizeBatch call (1 to 100)
 * @param credentials the credentials file ({@code accountId}, {@code accessKeyId}, {@code secretAccessKey}),
 *     or null for web-identity without {@code --setup}, whose calls are unsigned
 * @param setup whether to create the load user, its key and the load role with the IAM API first
 * @param roleArn the role to assume without {@code --setup}, or null
 * @param connections gRPC connections per target
 * @param maxInFlight open loop: the most calls in flight; a call due while at the bound waits,
 *     and the wait counts in its latency
 * @param json where to write the report as JSON, or null
 * @param markdown where to write the report as a markdown table, or null
 * @param idpDir web-identity: the folder of the generator's IdP key store and certificate, or null
 * @param idpPort web-identity: the loopback port of the generator's IdP (0: any free port)
 */
public record LoadOptions(
    List<Endpoint> targets,
    Scenario scenario,
    Double rate,
    Integer concurrency,
    Duration warmup,
    Duration ramp,
    Duration duration,
    int batchSize,
    Path credentials,
    boolean setup,
    String roleArn,
    int connections,
    int maxInFlight,
    Path json,
    Path markdown,
    Path idpDir,
    int idpPort) {

  /** The most decisions an AuthorizeBatch call may carry (the server's bound). */
  public static final int MAX_BATCH = 100;
  static final Duration MAX_RUN = Duration.ofHours(1);
  static final String DEFAULT_IDP_DIR = "lanyard-load-idp";
  static final int DEFAULT_IDP_PORT = 7450;

  static final String USAGE = """
      Usage: java -cp benchmarks.jar dev.lanyard.load.LoadGenerator [options]
             java -cp benchmarks.jar dev.lanyard.load.LoadGenerator --init-idp DIR

      Drives one scenario against Lanyard nodes on this machine and reports latency (HdrHistogram:
      p50, p90, p99, p99.9, max), throughput and errors by AWS error code.

        --scenario NAME        %s (default assume-role)
        --targets LIST         host:port,host:port (loopback only; default 127.0.0.1:7400)
        --rate N[/s]           open loop: N calls per second at fixed arrival times; latency is
                               measured from each call's intended send time. The rate climbs
                               from 0 to N over the ramp, then stays at N
        --ramp DURATION        open loop: how long the rate takes to climb, within the warm-up
                               (default half the warm-up, so that the node runs at the full rate
                               for the rest of it before the measured window opens; 0: none)
        --concurrency N        closed loop: N calls in flight at all times (default 16)
        --warmup DURATION      unmeasured warm-up, e.g. 10s, 1m (default 10s)
        --duration DURATION    measured run after the warm-up (default 30s; at most 1h)
        --batch-size N         decisions per AuthorizeBatch call, 1 to 100 (default 100)
        --credentials FILE     credentials JSON: accountId, accessKeyId, secretAccessKey
                               (the shape of <data-dir>/root-credentials.json); required, except
                               for web-identity without --setup
        --setup                first create (or reuse) IAM user lanyard-load with a fresh access key
                               and role LanyardLoadRole with the IAM API, using --credentials, and run
                               the load as that user; without it the load runs as --credentials.
                               web-identity: register the generator's IdP as an OpenID Connect
                               provider (client id lanyard-load, its certificate's thumbprint) and
                               create or update role LanyardLoadWebIdentityRole trusting its tokens
        --role-arn ARN         the role to assume without --setup (assume-role, authorize*,
                               web-identity)
        --connections N        gRPC connections per target (default 1)
        --max-in-flight N      open loop: most calls in flight (default 10000)
        --json FILE            also write the report as JSON
        --markdown FILE        also write the report as a markdown table
        --help                 this text

      web-identity: the generator hosts an OpenID Connect provider on https://127.0.0.1:PORT with
      a self-signed certificate, signs RS256 ID tokens (a pool of 32, 10 minutes each, renewed in
      the background) and sends unsigned AssumeRoleWithWebIdentity calls with them. Every node must
      be started with --oidc-ca-file DIR/idp-ca.pem to trust the provider.
        --idp-dir DIR          the provider's key store (idp.p12) and certificate (idp-ca.pem):
                               created on first use, reused after (default %s)
        --idp-port N           the provider's port on 127.0.0.1 (default %d; 0: any free port)
        --init-idp DIR         only create the provider's files in DIR (or keep those there) and
                               print the path of DIR/idp-ca.pem, e.g. before starting the nodes
      """.formatted(Scenario.names(), DEFAULT_IDP_DIR, DEFAULT_IDP_PORT);

  private static final Set<String> FLAGS = Set.of("--setup", "--help");
  private static final Set<String> VALUED = Set.of("--scenario", "--targets", "--rate", "--concurrency",
      "--warmup", "--ramp", "--duration", "--batch-size", "--credentials", "--role-arn", "--connections",
      "--max-in-flight", "--json", "--markdown", "--idp-dir", "--idp-port");
  private static final String INIT_IDP = "--init-idp";

  /** Whether the arguments ask for help. */
  public static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /**
   * The folder of {@code --init-idp DIR} (or {@code --init-idp=DIR}), or null when not asked for.
   *
   * @throws IllegalArgumentException when it has no value or comes with other options
   */
  public static Path initIdp(String[] args) {
    for (int i = 0; i < args.length; i++) {
      boolean separate = args[i].equals(INIT_IDP);
      if (!separate && !args[i].startsWith(INIT_IDP + "=")) {
        continue;
      }
      String value = !separate ? args[i].substring(INIT_IDP.length() + 1) : i + 1 < args.length ? args[i + 1] : null;
      if (value == null || value.isBlank() || value.startsWith("--")) {
        throw new IllegalArgumentException(INIT_IDP + ": a folder is required, as --init-idp DIR");
      }
      if (args.length != (separate ? 2 : 1)) {
        throw new IllegalArgumentException(INIT_IDP + ": give it alone, as --init-idp DIR; it only creates the IdP's"
            + " files, the run options go to a later run");
      }
      return Path.of(value);
    }
    return null;
  }

  /**
   * Parses {@code --name value} and {@code --name=value} arguments.
   *
   * @throws IllegalArgumentException naming the option, the problem and what is accepted
   */
  public static LoadOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (FLAGS.contains(name)) {
        if (value != null) {
          throw new IllegalArgumentException(name + ": takes no value");
        }
        given.put(name, "true");
      } else if (VALUED.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(name + ": a value is required");
          }
          value = args[++i];
        }
        if (given.put(name, value) != null) {
          throw new IllegalArgumentException(name + ": given twice; give it once");
        }
      } else {
        throw new IllegalArgumentException("'" + arg + "' is not an option; see --help");
      }
    }
    if (given.containsKey("--rate") && given.containsKey("--concurrency")) {
      throw new IllegalArgumentException("--rate and --concurrency: give one (open or closed loop), not both");
    }
    Scenario scenario = Scenario.parse(given.getOrDefault("--scenario", Scenario.ASSUME_ROLE.cliName()));
    List<Endpoint> targets = targets(given.getOrDefault("--targets", "127.0.0.1:7400"));
    Double rate = given.containsKey("--rate") ? rate(given.get("--rate")) : null;
    Integer concurrency = rate != null ? null
        : integer("--concurrency", given.getOrDefault("--concurrency", "16"), 1, 10_000);
    Duration warmup = duration("--warmup", given.getOrDefault("--warmup", "10s"), true);
    Duration ramp = given.containsKey("--ramp") ? duration("--ramp", given.get("--ramp"), true) : warmup.dividedBy(2);
    if (ramp.compareTo(warmup) > 0) {
      throw new IllegalArgumentException("--ramp: " + given.get("--ramp") + " is longer than the warm-up ("
          + warmup.toSeconds() + "s); the rate must reach N before the measured window opens");
    }
    if (given.containsKey("--ramp") && rate == null) {
      throw new IllegalArgumentException("--ramp: only with --rate (open loop); a closed loop has no rate to climb");
    }
    Duration duration = duration("--duration", given.getOrDefault("--duration", "30s"), false);
    int batch = integer("--batch-size", given.getOrDefault("--batch-size", "100"), 1, MAX_BATCH);
    boolean setup = given.containsKey("--setup");
    String credentials = given.get("--credentials");
    if (credentials == null && (setup || scenario.signed())) {
      throw new IllegalArgumentException("--credentials: required" + (scenario.signed() ? "" : " with --setup")
          + "; give a credentials JSON file such as <data-dir>/root-credentials.json");
    }
    String roleArn = given.get("--role-arn");
    if (setup && roleArn != null) {
      throw new IllegalArgumentException("--role-arn: not with --setup, which creates the role it assumes");
    }
    if (!setup && roleArn == null && scenario.needsRole()) {
      throw new IllegalArgumentException("--role-arn: " + scenario.cliName() + " assumes a role; give"
          + " --role-arn ARN or --setup");
    }
    boolean web = scenario == Scenario.WEB_IDENTITY;
    for (String idpOption : List.of("--idp-dir", "--idp-port")) {
      if (!web && given.containsKey(idpOption)) {
        throw new IllegalArgumentException(idpOption + ": only with --scenario " + Scenario.WEB_IDENTITY.cliName()
            + ", whose identity provider the generator hosts");
      }
    }
    return new LoadOptions(targets, scenario, rate, concurrency, warmup, ramp, duration, batch, path(credentials),
        setup, roleArn, integer("--connections", given.getOrDefault("--connections", "1"), 1, 64),
        integer("--max-in-flight", given.getOrDefault("--max-in-flight", "10000"), 1, 1_000_000),
        path(given.get("--json")), path(given.get("--markdown")),
        web ? Path.of(given.getOrDefault("--idp-dir", DEFAULT_IDP_DIR)) : null,
        web ? integer("--idp-port", given.getOrDefault("--idp-port", String.valueOf(DEFAULT_IDP_PORT)), 0, 65535) : 0);
  }

  /** Whether this is an open-loop run. */
  public boolean openLoop() {
    return rate != null;
  }

  /** "open loop, 2000/s" or "closed loop, 16 in flight". */
  public String modeDescription() {
    return openLoop() ? "open loop, " + formatRate(rate) + "/s" : "closed loop, " + concurrency + " in flight";
  }

  static String formatRate(double r) {
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }

  static List<Endpoint> targets(String text) {
    List<Endpoint> endpoints;
    try {
      endpoints = Endpoint.parseList(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--targets: " + e.getMessage(), e);
    }
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("--targets: give at least one host:port");
    }
    for (Endpoint e : endpoints) {
      if (!loopback(e.host())) {
        throw new IllegalArgumentException("--targets: " + e + " is not a loopback address; the load"
            + " generator drives nodes on this machine only (127.0.0.0/8, ::1 or localhost)");
      }
    }
    return endpoints;
  }

  static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("::1") || h.equals("[::1]")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  static double rate(String text) {
    String t = text.strip();
    if (t.endsWith("/s")) {
      t = t.substring(0, t.length() - 2);
    }
    double r;
    try {
      r = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rate: '" + text + "' is not a rate; give calls per second, e.g. 2000 or 2000/s");
    }
    if (!(r > 0) || r > 1_000_000) {
      throw new IllegalArgumentException("--rate: " + text + "; accepted: more than 0 and at most 1000000 calls/s");
    }
    return r;
  }

  static int integer(String option, String text, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a whole number; give "
          + min + " to " + max);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(option + ": " + n + " is out of range; give " + min + " to " + max);
    }
    return n;
  }

  /** {@code 30}, {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}; zero only where {@code zeroAllowed}. */
  static Duration duration(String option, String text, boolean zeroAllowed) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(t));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a duration; give e.g. 30s, 500ms, 2m or 1h");
    }
    if (d.isNegative() || (!zeroAllowed && d.isZero()) || d.compareTo(MAX_RUN) > 0) {
      throw new IllegalArgumentException(option + ": " + text + " is out of range; give "
          + (zeroAllowed ? "0" : "more than 0") + " up to 1h");
    }
    return d;
  }

  private static Path path(String text) {
    return text == null ? null : Path.of(text);
  }
}
