package dev.lanyard.sdk.credentials;

import java.util.Map;
import java.util.Objects;

/**
 * Credentials from the environment variables {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}.
 */
public final class EnvironmentCredentialsProvider implements CredentialsProvider {
  private final Map<String, String> environment;

  /** Reads {@link System#getenv()}. */
  public EnvironmentCredentialsProvider() {
    this(System.getenv());
  }

  /** Reads the given environment (tests). */
  public EnvironmentCredentialsProvider(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  @Override
  public Credentials resolve() {
    return KeyTriple.toCredentials(
        "environment",
        "AWS_ACCESS_KEY_ID", environment.get("AWS_ACCESS_KEY_ID"),
        "AWS_SECRET_ACCESS_KEY", environment.get("AWS_SECRET_ACCESS_KEY"),
        environment.get("AWS_SESSION_TOKEN"));
  }
}
