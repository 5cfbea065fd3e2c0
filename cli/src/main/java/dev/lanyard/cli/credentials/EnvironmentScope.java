package dev.lanyard.cli.credentials;

import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command group ({@code sts}, {@code iam}, ...) whose commands read the {@link CliEnvironment} it
 * holds: the process's by default, another one when a test sets it before running the command line.
 */
public abstract class EnvironmentScope {
  private volatile CliEnvironment environment = CliEnvironment.system();

  /** The environment this group's commands read. */
  public final CliEnvironment environment() {
    return environment;
  }

  /** Makes this group's commands read {@code environment} (tests, embedding). */
  public final void useEnvironment(CliEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** The environment of the nearest enclosing scope of {@code spec}; the process's when none. */
  public static CliEnvironment find(CommandSpec spec) {
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      if (s.userObject() instanceof EnvironmentScope scope) {
        return scope.environment();
      }
    }
    return CliEnvironment.system();
  }
}
