package dev.lanyard.sdk.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Credentials from the Lanyard agent on this host, over the IMDSv2 protocol it serves: {@code PUT
 * /latest/api/token} with {@code X-aws-ec2-metadata-token-ttl-seconds}, then with the token in
 * {@code X-aws-ec2-metadata-token} {@code GET /latest/meta-data/iam/security-credentials/} (the role
 * name) and {@code GET .../<role>} (JSON {@code Code}, {@code AccessKeyId}, {@code SecretAccessKey},
 * {@code Token}, {@code Expiration}). The endpoint comes from {@code LANYARD_AGENT_ENDPOINT} or else
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}; {@code AWS_EC2_METADATA_DISABLED=true} turns it off.
 * Each {@link #resolve()} asks the agent; put a cache in front.
 */
public final class AgentCredentialsProvider implements CredentialsProvider {
  static final String TOKEN_PATH = "/latest/api/token";
  static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";
  private static final Set<String> LINK_LOCAL = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254", "fd00:ec2::254");
  private static final String SOURCE = "Lanyard agent";
  private static final int TOKEN_TTL_SECONDS = 21600;

  private final Map<String, String> environment;
  private final LocalHttp http;

  /** Reads {@link System#getenv()}. */
  public AgentCredentialsProvider() {
    this(System.getenv(), Duration.ofSeconds(2));
  }

  /**
   * @param environment where the endpoint settings are read
   * @param timeout connect and answer timeout of each request
   */
  public AgentCredentialsProvider(Map<String, String> environment, Duration timeout) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.http = new LocalHttp(Objects.requireNonNull(timeout, "timeout"));
  }

  /** Whether the environment names an agent endpoint and does not disable instance metadata. */
  public boolean isConfigured() {
    return !"true".equalsIgnoreCase(value("AWS_EC2_METADATA_DISABLED"))
        && (value("LANYARD_AGENT_ENDPOINT") != null || value("AWS_EC2_METADATA_SERVICE_ENDPOINT") != null);
  }

  @Override
  public Credentials resolve() {
    URI base = endpoint();
    String token = http.send(http.request(base.resolve(TOKEN_PATH))
        .PUT(HttpRequest.BodyPublishers.noBody())
        .header("X-aws-ec2-metadata-token-ttl-seconds", Integer.toString(TOKEN_TTL_SECONDS))
        .build(), SOURCE).strip();
    if (token.isEmpty() || token.chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new CredentialsUnavailableException(SOURCE + ": PUT " + TOKEN_PATH + " returned no usable token");
    }
    String roles = http.send(http.request(base.resolve(CREDENTIALS_PATH))
        .GET().header("X-aws-ec2-metadata-token", token).build(), SOURCE);
    String role = roles.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
        .orElseThrow(() -> new CredentialsUnavailableException(
            SOURCE + ": GET " + CREDENTIALS_PATH + " lists no role; is an instance profile attached?"));
    String body = http.send(http.request(base.resolve(CREDENTIALS_PATH + URLEncoder.encode(role, StandardCharsets.UTF_8)))
        .GET().header("X-aws-ec2-metadata-token", token).build(), SOURCE);
    JsonNode json = CredentialsJson.read(body, SOURCE);
    String code = CredentialsJson.text(json, "Code", SOURCE, false);
    if (code != null && !code.equals("Success")) {
      throw new CredentialsUnavailableException(SOURCE + ": the credentials of role " + role
          + " are not available (Code " + code + ")");
    }
    return CredentialsJson.credentials(json, SOURCE, "Token", true);
  }

  private URI endpoint() {
    if ("true".equalsIgnoreCase(value("AWS_EC2_METADATA_DISABLED"))) {
      throw new CredentialsUnavailableException(SOURCE + ": AWS_EC2_METADATA_DISABLED is true");
    }
    String setting = value("LANYARD_AGENT_ENDPOINT") != null ? "LANYARD_AGENT_ENDPOINT"
        : value("AWS_EC2_METADATA_SERVICE_ENDPOINT") != null ? "AWS_EC2_METADATA_SERVICE_ENDPOINT" : null;
    if (setting == null) {
      throw new CredentialsUnavailableException(
          SOURCE + ": neither LANYARD_AGENT_ENDPOINT nor AWS_EC2_METADATA_SERVICE_ENDPOINT is set");
    }
    try {
      String text = value(setting);
      URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      return LocalEndpointRule.requireAllowed(uri, setting, LINK_LOCAL);
    } catch (URISyntaxException e) {
      throw new CredentialsUnavailableException(
          setting + ": must be a URI such as http://127.0.0.1:8181 (" + e.getReason() + ")");
    }
  }

  private String value(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
