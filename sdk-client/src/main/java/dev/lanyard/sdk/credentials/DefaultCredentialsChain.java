package dev.lanyard.sdk.credentials;

import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.credentials.cache.CachingCredentialsProvider;
import dev.lanyard.sdk.profile.ProfileFileLocations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The default chain, tried in order: system properties, environment, the {@code AWS_PROFILE} profile,
 * web identity from {@code AWS_WEB_IDENTITY_TOKEN_FILE} + {@code AWS_ROLE_ARN}, the container
 * endpoint, the Lanyard agent. The first source that answers is remembered and used from then on
 * (its failures are then reported as they are, without falling back to another identity). When
 * none answers, the error lists every source tried and why it failed.
 */
public final class DefaultCredentialsChain implements CredentialsProvider {
  private final List<Source> sources;
  private volatile CredentialsProvider chosen;

  private record Source(String name, CredentialsProvider provider) {}

  private DefaultCredentialsChain(List<Source> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The chain over the process's system properties, environment and home folder. */
  public static DefaultCredentialsChain create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Credentials resolve() {
    CredentialsProvider remembered = chosen;
    if (remembered != null) {
      return remembered.resolve();
    }
    List<String> failures = new ArrayList<>();
    for (Source source : sources) {
      try {
        Credentials credentials = source.provider().resolve();
        chosen = source.provider();
        return credentials;
      } catch (RuntimeException e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        failures.add(why.startsWith(source.name()) ? why : source.name() + ": " + why);
      }
    }
    StringBuilder message = new StringBuilder("no credentials found; tried, in order:");
    for (int i = 0; i < failures.size(); i++) {
      message.append("\n  ").append(i + 1).append(". ").append(failures.get(i));
    }
    throw new CredentialsUnavailableException(message.toString());
  }

  /** The names of the sources, in the order tried. */
  public List<String> sourceNames() {
    return sources.stream().map(Source::name).toList();
  }

  @Override
  public void close() {
    for (Source source : sources) {
      source.provider().close();
    }
  }

  /** Options of the default chain; everything defaults to the running process's. */
  public static final class Builder {
    private Map<String, String> environment;
    private Properties systemProperties;
    private Path home;
    private LanyardClientFactory clients;
    private MfaTokenCodeSupplier mfa;
    private Clock clock = Clock.systemUTC();
    private UnaryOperator<CredentialsProvider> cache = CachingCredentialsProvider::of;
    private URI containerBase = ContainerCredentialsProvider.ECS_BASE;
    private Duration httpTimeout = Duration.ofSeconds(2);

    private Builder() {}

    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    public Builder systemProperties(Properties systemProperties) {
      this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
      return this;
    }

    /** The home folder that {@code ~/.aws} is under. */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /** Makes STS clients; default from {@code LANYARD_ENDPOINT}. */
    public Builder clients(LanyardClientFactory clients) {
      this.clients = Objects.requireNonNull(clients, "clients");
      return this;
    }

    public Builder mfa(MfaTokenCodeSupplier mfa) {
      this.mfa = Objects.requireNonNull(mfa, "mfa");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Puts a cache in front of each refreshing source; default {@link CachingCredentialsProvider#of}. */
    public Builder cache(UnaryOperator<CredentialsProvider> cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /** What container-relative URIs resolve against (tests); default {@code http://169.254.170.2}. */
    public Builder containerBase(URI containerBase) {
      this.containerBase = Objects.requireNonNull(containerBase, "containerBase");
      return this;
    }

    public DefaultCredentialsChain build() {
      Map<String, String> env = environment != null ? environment : System.getenv();
      Properties props = systemProperties != null ? systemProperties : System.getProperties();
      Path homeFolder = home != null ? home : Path.of(System.getProperty("user.home"));
      LanyardClientFactory factory = clients != null ? clients : LanyardClientFactory.fromEnvironment(env);
      ProfileFileLocations locations = ProfileFileLocations.fromEnvironment(env, homeFolder);
      ProfileCredentialsProvider.Builder profiles = ProfileCredentialsProvider.builder()
          .clients(factory).clock(clock).cache(cache).environment(env);
      if (mfa != null) {
        profiles.mfa(mfa);
      }
      List<Source> sources = List.of(
          new Source("system properties", new SystemPropertyCredentialsProvider(props)),
          new Source("environment", new EnvironmentCredentialsProvider(env)),
          new Source("profile '" + locations.profileName() + "' (" + locations.credentialsFile() + ", "
              + locations.configFile() + ")", profiles.build(locations)),
          new Source("web identity", webIdentity(env, factory)),
          new Source("container endpoint", containerEndpoint(env)),
          new Source("Lanyard agent", agent(env)));
      return new DefaultCredentialsChain(sources);
    }

    private CredentialsProvider webIdentity(Map<String, String> env, LanyardClientFactory factory) {
      String tokenFile = env.get("AWS_WEB_IDENTITY_TOKEN_FILE");
      String roleArn = env.get("AWS_ROLE_ARN");
      if (tokenFile == null || tokenFile.isBlank() || roleArn == null || roleArn.isBlank()) {
        return () -> {
          throw new CredentialsUnavailableException("AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set");
        };
      }
      String sessionName = env.getOrDefault("AWS_ROLE_SESSION_NAME", "");
      AssumeRoleWithWebIdentityRequest template = AssumeRoleWithWebIdentityRequest.newBuilder()
          .setRoleArn(roleArn.strip())
          .setRoleSessionName(sessionName.isBlank() ? "lanyard-sdk-" + clock.millis() : sessionName.strip())
          .build();
      return cache.apply(new WebIdentityCredentialsProvider(factory, Path.of(tokenFile.strip()), template));
    }

    /**
     * The Lanyard agent: its Unix socket when {@code LANYARD_AGENT_SOCKET} names one, else its
     * IMDSv2-compatible endpoint.
     */
    private CredentialsProvider agent(Map<String, String> env) {
      String socket = env.get(AgentSocketCredentialsProvider.ENVIRONMENT_VARIABLE);
      if (socket != null && !socket.isBlank()) {
        return cache.apply(AgentSocketCredentialsProvider.fromEnvironment(env));
      }
      AgentCredentialsProvider agent = new AgentCredentialsProvider(env, httpTimeout);
      return agent.isConfigured() ? cache.apply(agent) : agent;
    }

    private CredentialsProvider containerEndpoint(Map<String, String> env) {
      ContainerCredentialsProvider container = new ContainerCredentialsProvider(env, containerBase, httpTimeout);
      if (!container.isConfigured()) {
        return container; // answers at once that nothing is configured; no cache, no backoff
      }
      return cache.apply(container);
    }
  }
}
