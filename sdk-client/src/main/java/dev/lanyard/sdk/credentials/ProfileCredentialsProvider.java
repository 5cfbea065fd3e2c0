package dev.lanyard.sdk.credentials;

import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.credentials.cache.CachingCredentialsProvider;
import dev.lanyard.sdk.profile.ProfileFile;
import dev.lanyard.sdk.profile.ProfileFileLocations;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Credentials of a profile in the AWS {@code credentials} and {@code config} files: static keys,
 * {@code role_arn} with {@code source_profile} (chained, cycles refused), {@code credential_source},
 * {@code external_id}, {@code role_session_name}, {@code duration_seconds}, {@code mfa_serial} (with a
 * token-code callback), {@code web_identity_token_file} and {@code credential_process}. The files
 * are read on first use; until a profile resolves, each call reads them again. Refreshing sources
 * are cached.
 */
public final class ProfileCredentialsProvider implements CredentialsProvider {
  private final Supplier<ProfileFile> files;
  private final String profileName;
  private final Settings settings;

  /** The builder's choices, fixed at build time. */
  private record Settings(LanyardClientFactory clients, MfaTokenCodeSupplier mfa, Clock clock,
      UnaryOperator<CredentialsProvider> cache, Map<String, String> environment) {}
  private volatile CredentialsProvider delegate;

  private ProfileCredentialsProvider(Supplier<ProfileFile> files, String profileName, Settings settings) {
    this.files = files;
    this.profileName = profileName;
    this.settings = settings;
  }

  /** The profile of {@code AWS_PROFILE} in the files of the process environment. */
  public static ProfileCredentialsProvider create() {
    return builder().build(ProfileFileLocations.fromEnvironment());
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Credentials resolve() {
    CredentialsProvider provider = delegate;
    if (provider == null) {
      provider = assemble();
    }
    return provider.resolve();
  }

  private synchronized CredentialsProvider assemble() {
    if (delegate == null) {
      ProfileFile file;
      try {
        file = files.get();
      } catch (UncheckedIOException e) {
        throw new CredentialsUnavailableException("profile '" + profileName + "': " + e.getMessage(), e);
      }
      delegate = new ProfileSources(file, settings.clients(), settings.mfa(), settings.clock(), settings.cache(),
          settings.environment()).provider(profileName);
    }
    return delegate;
  }

  @Override
  public void close() {
    CredentialsProvider provider = delegate;
    if (provider != null) {
      provider.close();
    }
  }

  @Override
  public String toString() {
    return "ProfileCredentialsProvider[" + profileName + "]";
  }

  /** Options of a {@link ProfileCredentialsProvider}. */
  public static final class Builder {
    private LanyardClientFactory clients;
    private MfaTokenCodeSupplier mfa;
    private Clock clock = Clock.systemUTC();
    private UnaryOperator<CredentialsProvider> cache = CachingCredentialsProvider::of;
    private Map<String, String> environment;

    private Builder() {}

    /** Makes the STS clients of role profiles; default from {@code LANYARD_ENDPOINT}. */
    public Builder clients(LanyardClientFactory clients) {
      this.clients = Objects.requireNonNull(clients, "clients");
      return this;
    }

    /** Asked for the code of {@code mfa_serial}'s device. */
    public Builder mfa(MfaTokenCodeSupplier mfa) {
      this.mfa = Objects.requireNonNull(mfa, "mfa");
      return this;
    }

    /** Used for default session names. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Puts a cache in front of each refreshing source; default {@link CachingCredentialsProvider#of}. */
    public Builder cache(UnaryOperator<CredentialsProvider> cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /** The environment for {@code credential_source} and the default client factory. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** The profile {@code locations.profileName()} of the files at {@code locations}. */
    public ProfileCredentialsProvider build(ProfileFileLocations locations) {
      Objects.requireNonNull(locations, "locations");
      return build(() -> ProfileFile.load(locations), locations.profileName());
    }

    /** A profile of already parsed files. */
    public ProfileCredentialsProvider build(ProfileFile file, String profileName) {
      Objects.requireNonNull(file, "file");
      return build(() -> file, profileName);
    }

    private ProfileCredentialsProvider build(Supplier<ProfileFile> files, String profileName) {
      if (profileName == null || profileName.isBlank()) {
        throw new IllegalArgumentException("profileName: is required, got a blank name");
      }
      Map<String, String> env = environment != null ? environment : System.getenv();
      LanyardClientFactory factory = clients != null ? clients : LanyardClientFactory.fromEnvironment(env);
      return new ProfileCredentialsProvider(files, profileName, new Settings(factory, mfa, clock, cache, env));
    }
  }
}
