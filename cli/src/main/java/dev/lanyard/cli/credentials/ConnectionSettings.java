package dev.lanyard.cli.credentials;

import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.Endpoint;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.credentials.CredentialsProvider;
import dev.lanyard.sdk.credentials.CredentialsUnavailableException;
import dev.lanyard.sdk.credentials.DefaultCredentialsChain;
import dev.lanyard.sdk.credentials.MfaTokenCodeSupplier;
import dev.lanyard.sdk.credentials.ProfileCredentialsProvider;
import dev.lanyard.sdk.profile.ProfileFileLocations;
import java.io.Console;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Resolved connection choices: the endpoints, the signing region, TLS and the profile (or none for
 * the default chain).
 *
 * @param endpoints the servers, in order
 * @param region the signing region
 * @param tls how connections are secured
 * @param profile the named profile to sign with, or {@code null} for the SDK's default chain
 */
public record ConnectionSettings(List<Endpoint> endpoints, String region, ClientTls tls, String profile) {

  public ConnectionSettings {
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(tls, "tls");
  }

  /** A client builder for these endpoints, region and TLS, without credentials. */
  public LanyardClient.Builder clientBuilder() {
    return LanyardClient.builder().endpoints(endpoints).region(region).tls(tls);
  }

  /** The endpoints as written in {@code LANYARD_ENDPOINT}. */
  public String endpointList() {
    return endpoints.stream().map(Endpoint::toString).collect(Collectors.joining(","));
  }

  /**
   * Where signing credentials come from: the profile when one is named (role profiles call these
   * endpoints), else the SDK's default chain over {@code environment}.
   */
  public CredentialsProvider credentialsProvider(CliEnvironment environment) {
    LanyardClientFactory clients = LanyardClientFactory.from(this::clientBuilder);
    if (profile != null) {
      ProfileFileLocations locations = ProfileFileLocations.fromEnvironment(environment.variables(), environment.home())
          .withProfile(profile);
      return ProfileCredentialsProvider.builder()
          .clients(clients).environment(environment.variables()).mfa(TERMINAL_MFA).build(locations);
    }
    return DefaultCredentialsChain.builder()
        .environment(environment.variables())
        .systemProperties(environment.systemProperties())
        .home(environment.home())
        .clients(clients)
        .mfa(TERMINAL_MFA)
        .build();
  }

  /** Asks on the terminal for the code of a profile's {@code mfa_serial}, as the AWS CLI does. */
  private static final MfaTokenCodeSupplier TERMINAL_MFA = serial -> {
    Console console = System.console();
    if (console == null) {
      throw new CredentialsUnavailableException("mfa_serial " + serial
          + ": the profile needs an MFA code but there is no terminal to ask for it; run the command"
          + " interactively, or use sts get-session-token --serial-number ... --token-code ...");
    }
    String code = console.readLine("Enter MFA code for %s: ", serial);
    if (code == null || !code.strip().matches("\\d{6}")) {
      throw new CredentialsUnavailableException("mfa_serial " + serial + ": the MFA code must be 6 digits");
    }
    return code.strip();
  };
}
