package dev.lanyard.sdk.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Credentials from the container-credentials endpoint (ECS, EKS Pod Identity, the Lanyard agent):
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} (below {@code http://169.254.170.2}) or else
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}; the {@code Authorization} header from
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} (re-read every time) or else
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. Plain http is allowed only to loopback addresses and the
 * ECS/EKS link-local addresses. The answer is JSON with {@code AccessKeyId}, {@code SecretAccessKey},
 * {@code Token} and {@code Expiration}. Each {@link #resolve()} calls the endpoint; put a cache in
 * front.
 */
public final class ContainerCredentialsProvider implements CredentialsProvider {
  /** The ECS task-metadata address that relative URIs are resolved against. */
  public static final URI ECS_BASE = URI.create("http://169.254.170.2");
  private static final Set<String> LINK_LOCAL = Set.of("169.254.170.2", "169.254.170.23", "fd00:ec2:0:0:0:0:0:23",
      "fd00:ec2::23");
  private static final String SOURCE = "container endpoint";

  private final Map<String, String> environment;
  private final URI relativeBase;
  private final LocalHttp http;

  /** Reads {@link System#getenv()}. */
  public ContainerCredentialsProvider() {
    this(System.getenv(), ECS_BASE, Duration.ofSeconds(2));
  }

  /**
   * @param environment where the settings are read
   * @param relativeBase what relative URIs are resolved against (tests: a loopback server)
   * @param timeout connect and answer timeout
   */
  public ContainerCredentialsProvider(Map<String, String> environment, URI relativeBase, Duration timeout) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.relativeBase = Objects.requireNonNull(relativeBase, "relativeBase");
    this.http = new LocalHttp(Objects.requireNonNull(timeout, "timeout"));
  }

  /** Whether the environment names a container endpoint at all. */
  public boolean isConfigured() {
    return present("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") || present("AWS_CONTAINER_CREDENTIALS_FULL_URI");
  }

  @Override
  public Credentials resolve() {
    URI uri = endpoint();
    HttpRequest.Builder request = http.request(uri).GET().header("Accept", "application/json");
    String token = authorizationToken();
    if (token != null) {
      request.header("Authorization", token);
    }
    String body = http.send(request.build(), SOURCE);
    return CredentialsJson.credentials(CredentialsJson.read(body, SOURCE), SOURCE, "Token", false);
  }

  private URI endpoint() {
    try {
      if (present("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
        String relative = environment.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").strip();
        if (!relative.startsWith("/")) {
          throw new CredentialsUnavailableException(
              "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: must start with '/', got '" + relative + "'");
        }
        return LocalEndpointRule.requireAllowed(
            new URI(relativeBase.toString() + relative), "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", LINK_LOCAL);
      }
      if (present("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
        return LocalEndpointRule.requireAllowed(new URI(environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI").strip()),
            "AWS_CONTAINER_CREDENTIALS_FULL_URI", LINK_LOCAL);
      }
    } catch (URISyntaxException e) {
      throw new CredentialsUnavailableException(
          "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI: not a valid URI (" + e.getReason() + ")");
    }
    throw new CredentialsUnavailableException(
        SOURCE + ": neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set");
  }

  private String authorizationToken() {
    String token;
    String setting;
    if (present("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
      setting = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
      Path file = Path.of(environment.get(setting).strip());
      try {
        token = Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new CredentialsUnavailableException(
            setting + ": cannot read " + file + ": " + e.getClass().getSimpleName(), e);
      }
    } else if (present("AWS_CONTAINER_AUTHORIZATION_TOKEN")) {
      setting = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
      token = environment.get(setting).strip();
    } else {
      return null;
    }
    if (token.isEmpty() || token.chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new CredentialsUnavailableException(setting + ": the token must be one non-empty line");
    }
    return token;
  }

  private boolean present(String name) {
    String value = environment.get(name);
    return value != null && !value.isBlank();
  }
}
