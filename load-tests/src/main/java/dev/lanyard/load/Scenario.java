package dev.lanyard.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The call a load run repeats, by its command-line name. */
public enum Scenario {
  /** STS AssumeRole of the load role by the load user. */
  ASSUME_ROLE("assume-role"),
  /** STS GetCallerIdentity signed with the load user's long-term key. */
  GET_CALLER_IDENTITY("caller-identity"),
  /** Authorizer Authorize, one decision per call, for a cached role session. */
  AUTHORIZE("authorize"),
  /** Authorizer AuthorizeBatch, {@code --batch-size} decisions per call, for a cached role session. */
  AUTHORIZE_BATCH("authorize-batch"),
  /**
   * STS AssumeRoleWithWebIdentity (unsigned) of the web identity load role, with ID tokens from an
   * OpenID Connect provider the generator hosts on loopback HTTPS.
   */
  WEB_IDENTITY("web-identity");

  private final String cliName;

  Scenario(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in reports. */
  public String cliName() {
    return cliName;
  }

  /** Whether the scenario needs a role to assume. */
  public boolean needsRole() {
    return this != GET_CALLER_IDENTITY;
  }

  /** Whether the scenario's calls are signed with SigV4 (web identity's are not: the token is the proof). */
  public boolean signed() {
    return this != WEB_IDENTITY;
  }

  /**
   * The scenario with this command-line name, ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static Scenario parse(String name) {
    for (Scenario s : values()) {
      if (s.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("--scenario: '" + name + "' is not a scenario; accepted: " + names());
  }

  /** The accepted names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", "));
  }
}
