package dev.lanyard.sdk.agent;

import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.Endpoint;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.cache.CachingCredentialsProvider;
import dev.lanyard.sdk.credentials.cache.CredentialsCacheListener;
import dev.lanyard.sdk.credentials.cache.RefreshSettings;
import io.grpc.ManagedChannel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The host agent: enrols the host once ({@code <state-dir>/host-key}, Ed25519 PKCS#8, 0600, and
 * {@code <state-dir>/instance.json}; a restart reuses both), obtains the instance profile role's
 * credentials by proving possession of the host key, keeps them fresh through a {@link
 * CachingCredentialsProvider} (refresh ahead of expiry; through an STS outage the last credentials
 * are served until they expire), and serves them on loopback: IMDSv2-compatible HTTP, the
 * container-credentials endpoint, and the Unix socket {@code <state-dir>/agent.sock}.
 *
 * <p>Start with {@link #builder()}...{@link Builder#start()}; {@link #close()} stops everything.
 */
public final class HostAgent implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(HostAgent.class.getName());
  static final String HOST_KEY_FILE = "host-key";
  static final String SOCKET_FILE = "agent.sock";

  private final InstanceRecord instance;
  private final LanyardClient client;
  private final InstanceCredentialsSource source;
  private final CachingCredentialsProvider cache;
  private final CredentialsBoard board;
  private final Clock clock;
  private final ScheduledExecutorService ticker;
  private final LoopbackHttpServer imds;
  private final LoopbackHttpServer container;
  private final AgentSocketServer socket;
  private volatile String lastProblem;

  private HostAgent(Builder b) {
    this.clock = b.clock;
    PrivateFiles.folder(b.stateDir);
    HostKey key = HostKey.loadOrCreate(b.stateDir.resolve(HOST_KEY_FILE), b.random);
    LanyardClient.Builder clients = LanyardClient.builder().endpoints(b.endpoints).tls(b.tls).clock(b.clock)
        .random(b.random).deadline(b.callDeadline);
    if (b.channelFactory != null) {
      clients.channelFactory(b.channelFactory);
    }
    this.client = clients.build();
    try {
      InstanceCalls calls = new InstanceCalls(client.channel());
      this.instance = HostEnrolment.ensure(b.stateDir, key, calls, b.joinToken, b.hostname);
      this.source = new InstanceCredentialsSource(calls, key, instance.instanceId(), b.durationSeconds);
      this.cache = CachingCredentialsProvider.builder(source).clock(b.clock).random(b.random)
          .settings(b.refresh).listener(new Outcomes(b.listener)).build();
      this.board = new CredentialsBoard(b.clock);
      refreshOnce();
      this.imds = new LoopbackHttpServer("imds", b.imdsAddress,
          new ImdsHandler(new ImdsTokens(b.random, b.clock), board, instance.instanceId()), b.httpThreads);
      this.container = new LoopbackHttpServer("container", b.containerAddress,
          new ContainerHandler(ContainerToken.loadOrCreate(b.containerTokenFile, b.random), board), b.httpThreads);
      this.socket = new AgentSocketServer(b.stateDir.resolve(SOCKET_FILE), board);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lanyard-agent-refresh");
      t.setDaemon(true);
      return t;
    });
    long period = b.checkInterval.toMillis();
    ticker.scheduleWithFixedDelay(this::refreshOnce, period, period, TimeUnit.MILLISECONDS);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks the cache for credentials (it refreshes them ahead of expiry, in the background, with
   * backoff while the STS fails) and publishes them to the endpoints when they changed. Failures
   * are logged by {@link Outcomes} without secrets; what was published keeps being served until it
   * expires.
   */
  void refreshOnce() {
    try {
      Credentials c = cache.resolve();
      ServedCredentials latest = board.latest();
      if (latest == null || latest.credentials() != c) {
        InstanceCredentialsSource.RoleCredentials fetched = source.last();
        String role = fetched != null && fetched.credentials() == c ? fetched.roleName()
            : latest != null ? latest.roleName() : roleNameOf(instance.roleArn());
        board.publish(ServedCredentials.of(role, c, clock.instant()));
        LOG.log(System.Logger.Level.INFO, "serving credentials {0} of role {1} until {2}",
            c.accessKeyId(), role, c.expiration());
      }
    } catch (RuntimeException e) {
      // recorded by Outcomes when the source failed; else the cache is backing off: nothing new
    }
  }

  /** Keeps the last refresh outcome (for {@link #lastProblem()} and the log), then tells the caller's listener. */
  private final class Outcomes implements CredentialsCacheListener {
    private final CredentialsCacheListener next;

    Outcomes(CredentialsCacheListener next) {
      this.next = next;
    }

    @Override
    public void refreshStarted(boolean background) {
      next.refreshStarted(background);
    }

    @Override
    public void refreshSucceeded(boolean background, Duration took, java.time.Instant expiration) {
      if (lastProblem != null) {
        LOG.log(System.Logger.Level.INFO, "refreshing the role credentials works again");
      }
      lastProblem = null;
      next.refreshSucceeded(background, took, expiration);
    }

    @Override
    public void refreshFailed(boolean background, int failures, java.time.Instant retryAfter, RuntimeException error) {
      String problem = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
      if (!problem.equals(lastProblem)) {
        LOG.log(System.Logger.Level.WARNING, "refreshing the role credentials failed ({0} in a row): {1}",
            failures, problem);
      }
      lastProblem = problem;
      next.refreshFailed(background, failures, retryAfter, error);
    }

    @Override
    public void callerWaited() {
      next.callerWaited();
    }

    @Override
    public void callerRefusedDuringBackoff(java.time.Instant retryAfter) {
      next.callerRefusedDuringBackoff(retryAfter);
    }
  }

  private static String roleNameOf(String roleArn) {
    return roleArn == null ? "unknown" : roleArn.substring(roleArn.lastIndexOf('/') + 1);
  }

  /** The instance id this host enrolled as. */
  public String instanceId() {
    return instance.instanceId();
  }

  /** The enrolment record. */
  public InstanceRecord instance() {
    return instance;
  }

  /** Where the IMDSv2-compatible endpoint listens (the actual port when 0 was asked). */
  public InetSocketAddress imdsAddress() {
    return imds.address();
  }

  /** Where the container-credentials endpoint listens. */
  public InetSocketAddress containerAddress() {
    return container.address();
  }

  /** The Unix socket for {@link dev.lanyard.sdk.credentials.AgentSocketCredentialsProvider}. */
  public Path socketPath() {
    return socket.path();
  }

  /** The last refresh problem (no secrets), or null after a success. */
  public String lastProblem() {
    return lastProblem;
  }

  /** Stops refreshing and serving; leaves the state folder (key, record, token) in place. */
  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    imds.close();
    container.close();
    socket.close();
    cache.close();
    client.close();
  }

  /** Options of a {@link HostAgent}. */
  public static final class Builder {
    private List<Endpoint> endpoints;
    private ClientTls tls = ClientTls.systemTrust();
    private Function<Endpoint, ManagedChannel> channelFactory;
    private String joinToken;
    private Path stateDir;
    private InetSocketAddress imdsAddress;
    private InetSocketAddress containerAddress;
    private Path containerTokenFile;
    private String hostname = "";
    private Integer durationSeconds;
    private RefreshSettings refresh = RefreshSettings.DEFAULTS;
    private Duration checkInterval = Duration.ofSeconds(1);
    private Duration callDeadline = Duration.ofSeconds(10);
    private CredentialsCacheListener listener = CredentialsCacheListener.NONE;
    private int httpThreads = 4;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;

    private Builder() {}

    /** The Lanyard servers, {@code host:port} each (round-robin with failover). */
    public Builder endpoints(List<Endpoint> endpoints) {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("--endpoint: at least one host:port is required");
      }
      this.endpoints = List.copyOf(endpoints);
      return this;
    }

    public Builder tls(ClientTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** Makes the channel of each endpoint (tests); overrides {@link #tls}. */
    public Builder channelFactory(Function<Endpoint, ManagedChannel> channelFactory) {
      this.channelFactory = Objects.requireNonNull(channelFactory, "channelFactory");
      return this;
    }

    /** The one-time join token; needed only until the host has enrolled. */
    public Builder joinToken(String joinToken) {
      this.joinToken = joinToken;
      return this;
    }

    /** Where the host key, the instance record and the socket live (created 0700 when absent). */
    public Builder stateDir(Path stateDir) {
      this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
      return this;
    }

    /** The IMDSv2-compatible endpoint's loopback address. */
    public Builder imdsAddress(InetSocketAddress address) {
      this.imdsAddress = LoopbackAddress.require(address, "--imds-address");
      return this;
    }

    /** The container-credentials endpoint's loopback address. */
    public Builder containerAddress(InetSocketAddress address) {
      this.containerAddress = LoopbackAddress.require(address, "--container-address");
      return this;
    }

    /** The file holding the container endpoint's token (created 0600 with a random token when absent). */
    public Builder containerTokenFile(Path file) {
      this.containerTokenFile = Objects.requireNonNull(file, "containerTokenFile");
      return this;
    }

    /** Informational, sent at enrolment. */
    public Builder hostname(String hostname) {
      this.hostname = hostname == null ? "" : hostname;
      return this;
    }

    /** The session length to ask for (900 up to the role's maximum); default the server's (6 hours, capped). */
    public Builder durationSeconds(Integer seconds) {
      this.durationSeconds = seconds;
      return this;
    }

    /** When to refresh; default the AWS SDKs' windows (5 minutes prefetch, 1 minute stale). */
    public Builder refresh(RefreshSettings refresh) {
      this.refresh = Objects.requireNonNull(refresh, "refresh");
      return this;
    }

    /** How often the agent checks whether a refresh is due; default 1 second. */
    public Builder checkInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("checkInterval: must be positive, got " + interval);
      }
      this.checkInterval = interval;
      return this;
    }

    /** The deadline of each STS call; default 10 seconds. */
    public Builder callDeadline(Duration deadline) {
      this.callDeadline = Objects.requireNonNull(deadline, "callDeadline");
      return this;
    }

    /** Hooks for refresh metrics. */
    public Builder listener(CredentialsCacheListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Enrols if needed, fetches the first credentials (a failure there is logged and retried: the
     * endpoints answer "no credentials yet" meanwhile) and starts serving.
     */
    public HostAgent start() {
      require(endpoints, "--endpoint");
      require(stateDir, "--state-dir");
      require(imdsAddress, "--imds-address");
      require(containerAddress, "--container-address");
      require(containerTokenFile, "--container-token-file");
      if (random == null) {
        random = new SecureRandom();
      }
      return new HostAgent(this);
    }

    private static void require(Object value, String option) {
      if (value == null) {
        throw new IllegalStateException(option + " is required");
      }
    }
  }
}
