package dev.lanyard.sdk.credentials;

import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.profile.Profile;
import dev.lanyard.sdk.profile.ProfileFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns a profile into a provider, as the AWS SDKs do: {@code role_arn} with
 * {@code web_identity_token_file}, {@code source_profile} (followed recursively; a cycle is an
 * error, a profile naming itself uses its own keys) or {@code credential_source}; else
 * {@code credential_process}; else static keys. Every refreshing source gets a cache.
 */
final class ProfileSources {
  private final ProfileFile file;
  private final LanyardClientFactory clients;
  private final MfaTokenCodeSupplier mfa;
  private final Clock clock;
  private final UnaryOperator<CredentialsProvider> cache;
  private final Map<String, String> environment;

  ProfileSources(ProfileFile file, LanyardClientFactory clients, MfaTokenCodeSupplier mfa, Clock clock,
      UnaryOperator<CredentialsProvider> cache, Map<String, String> environment) {
    this.file = file;
    this.clients = clients;
    this.mfa = mfa;
    this.clock = clock;
    this.cache = cache;
    this.environment = environment;
  }

  CredentialsProvider provider(String name) {
    return provider(name, new ArrayList<>());
  }

  private CredentialsProvider provider(String name, List<String> path) {
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw new CredentialsUnavailableException(
          "profile '" + path.get(0) + "': source_profile forms a cycle: " + String.join(" -> ", cycle));
    }
    Profile profile = file.profile(name).orElseThrow(() -> new CredentialsUnavailableException(
        path.isEmpty() ? "profile '" + name + "' is not defined in the credentials or config file"
            : "profile '" + path.get(path.size() - 1) + "': source_profile '" + name + "' is not defined"));
    path.add(name);
    if (profile.property("role_arn").isPresent()) {
      return roleProvider(profile, path);
    }
    if (profile.property("credential_process").isPresent()) {
      return cache.apply(new ProcessCredentialsProvider(profile.property("credential_process").get()));
    }
    if (profile.property("aws_access_key_id").isPresent() || profile.property("aws_secret_access_key").isPresent()) {
      return staticKeys(profile);
    }
    throw new CredentialsUnavailableException("profile '" + name + "' has no credentials: expected "
        + "aws_access_key_id and aws_secret_access_key, role_arn with source_profile, credential_source or "
        + "web_identity_token_file, or credential_process; found " + profile.properties().keySet());
  }

  private CredentialsProvider roleProvider(Profile profile, List<String> path) {
    String name = profile.name();
    String roleArn = profile.property("role_arn").get();
    String sessionName = profile.property("role_session_name").orElse("lanyard-sdk-" + clock.millis());
    Integer duration = duration(profile);
    if (profile.property("web_identity_token_file").isPresent()) {
      AssumeRoleWithWebIdentityRequest.Builder request = AssumeRoleWithWebIdentityRequest.newBuilder()
          .setRoleArn(roleArn).setRoleSessionName(sessionName);
      if (duration != null) {
        request.setDurationSeconds(duration);
      }
      return cache.apply(new WebIdentityCredentialsProvider(
          clients, Path.of(profile.property("web_identity_token_file").get()), request.build()));
    }
    CredentialsProvider source = roleSource(profile, path);
    AssumeRoleRequest.Builder request = AssumeRoleRequest.newBuilder().setRoleArn(roleArn).setRoleSessionName(sessionName);
    profile.property("external_id").ifPresent(request::setExternalId);
    profile.property("mfa_serial").ifPresent(request::setSerialNumber);
    if (duration != null) {
      request.setDurationSeconds(duration);
    }
    try {
      return cache.apply(AssumeRoleCredentialsProvider.create(clients, source, request.build(), mfa));
    } catch (IllegalArgumentException e) {
      throw new CredentialsUnavailableException("profile '" + name + "': " + e.getMessage());
    }
  }

  private CredentialsProvider roleSource(Profile profile, List<String> path) {
    String name = profile.name();
    if (profile.property("source_profile").isPresent()) {
      String sourceName = profile.property("source_profile").get();
      if (sourceName.equals(name)) {
        return staticKeys(profile); // a profile may name itself to assume its role with its own keys
      }
      return provider(sourceName, path);
    }
    if (profile.property("credential_source").isPresent()) {
      String credentialSource = profile.property("credential_source").get();
      switch (credentialSource) {
        case "Environment":
          return new EnvironmentCredentialsProvider(environment);
        case "EcsContainer":
          return cache.apply(new ContainerCredentialsProvider(
              environment, ContainerCredentialsProvider.ECS_BASE, java.time.Duration.ofSeconds(2)));
        case "Ec2InstanceMetadata":
          return cache.apply(new AgentCredentialsProvider(environment, java.time.Duration.ofSeconds(2)));
        default:
          throw new CredentialsUnavailableException("profile '" + name + "': credential_source must be "
              + "Environment, EcsContainer or Ec2InstanceMetadata, got '" + credentialSource + "'");
      }
    }
    throw new CredentialsUnavailableException("profile '" + name
        + "': role_arn needs source_profile, credential_source or web_identity_token_file");
  }

  private static CredentialsProvider staticKeys(Profile profile) {
    Credentials credentials = KeyTriple.toCredentials("profile '" + profile.name() + "'",
        "aws_access_key_id", profile.properties().get("aws_access_key_id"),
        "aws_secret_access_key", profile.properties().get("aws_secret_access_key"),
        profile.properties().get("aws_session_token"));
    return new StaticCredentialsProvider(credentials);
  }

  private static Integer duration(Profile profile) {
    String value = profile.property("duration_seconds").orElse(null);
    if (value == null) {
      return null;
    }
    try {
      int seconds = Integer.parseInt(value.strip());
      if (seconds < 900 || seconds > 43200) {
        throw new NumberFormatException();
      }
      return seconds;
    } catch (NumberFormatException e) {
      throw new CredentialsUnavailableException("profile '" + profile.name()
          + "': duration_seconds must be a whole number of seconds from 900 to 43200, got '" + value + "'");
    }
  }
}
