package dev.lanyard.sdk.profile;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the profile files are and which profile is selected: {@code AWS_SHARED_CREDENTIALS_FILE}
 * (default {@code ~/.aws/credentials}), {@code AWS_CONFIG_FILE} (default {@code ~/.aws/config}) and
 * {@code AWS_PROFILE} (default {@code default}); a leading {@code ~} means the home folder.
 *
 * @param credentialsFile the credentials file
 * @param configFile the config file
 * @param profileName the selected profile
 */
public record ProfileFileLocations(Path credentialsFile, Path configFile, String profileName) {

  public ProfileFileLocations {
    Objects.requireNonNull(credentialsFile, "credentialsFile");
    Objects.requireNonNull(configFile, "configFile");
    if (profileName == null || profileName.isBlank()) {
      throw new IllegalArgumentException("profileName: is required, got " + (profileName == null ? "null" : "a blank name"));
    }
  }

  /** From the process environment and {@code user.home}. */
  public static ProfileFileLocations fromEnvironment() {
    return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** From the given environment and home folder. */
  public static ProfileFileLocations fromEnvironment(Map<String, String> environment, Path home) {
    Path credentials = path(environment.get("AWS_SHARED_CREDENTIALS_FILE"), home, "credentials");
    Path config = path(environment.get("AWS_CONFIG_FILE"), home, "config");
    String profile = environment.get("AWS_PROFILE");
    return new ProfileFileLocations(credentials, config, profile == null || profile.isBlank() ? "default" : profile.strip());
  }

  /** The same files with another profile selected. */
  public ProfileFileLocations withProfile(String name) {
    return new ProfileFileLocations(credentialsFile, configFile, name);
  }

  private static Path path(String configured, Path home, String defaultName) {
    if (configured == null || configured.isBlank()) {
      return home.resolve(".aws").resolve(defaultName);
    }
    String value = configured.strip();
    if (value.equals("~")) {
      return home;
    }
    if (value.startsWith("~/") || value.startsWith("~" + java.io.File.separator)) {
      return home.resolve(value.substring(2));
    }
    return Path.of(value);
  }
}
