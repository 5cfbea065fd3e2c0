package dev.lanyard.cli.credentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What the command reads from its process: environment variables ({@code LANYARD_ENDPOINT},
 * {@code AWS_ACCESS_KEY_ID}, {@code AWS_PROFILE}, ...), the home folder that {@code ~/.aws} is under,
 * and the system properties. Tests pass their own.
 *
 * @param variables the environment variables
 * @param home the home folder
 * @param systemProperties the system properties (the SDK's {@code aws.accessKeyId} source)
 */
public record CliEnvironment(Map<String, String> variables, Path home, Properties systemProperties) {

  public CliEnvironment {
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    Objects.requireNonNull(home, "home");
    Properties copy = new Properties();
    copy.putAll(Objects.requireNonNull(systemProperties, "systemProperties"));
    systemProperties = copy;
  }

  /** The running process's environment, {@code user.home} and system properties. */
  public static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperties());
  }

  /** Variables and home only, no system properties (tests). */
  public static CliEnvironment of(Map<String, String> variables, Path home) {
    return new CliEnvironment(variables, home, new Properties());
  }

  /** The variable's value stripped, or {@code null} when unset or blank. */
  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Names the variables only: values may be secrets. */
  @Override
  public String toString() {
    return "CliEnvironment[variables=" + variables.keySet() + ", home=" + home + "]";
  }
}
