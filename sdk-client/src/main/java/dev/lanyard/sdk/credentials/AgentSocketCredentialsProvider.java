package dev.lanyard.sdk.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials from the Lanyard agent's Unix socket: connect, read the JSON the agent writes, done.
 * The socket is {@code LANYARD_AGENT_SOCKET} or a path given here. Each {@link #resolve()} asks the
 * agent (a local call, well under a millisecond); put a cache in front to avoid even that.
 */
public final class AgentSocketCredentialsProvider implements CredentialsProvider {
  /** The environment variable naming the socket. */
  public static final String ENVIRONMENT_VARIABLE = "LANYARD_AGENT_SOCKET";
  private static final String SOURCE = "Lanyard agent socket";
  private static final int MAX_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path socket;

  public AgentSocketCredentialsProvider(Path socket) {
    this.socket = Objects.requireNonNull(socket, "socket");
  }

  /** The provider for {@code LANYARD_AGENT_SOCKET}, or null when it is not set. */
  public static AgentSocketCredentialsProvider fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENVIRONMENT_VARIABLE);
    return value == null || value.isBlank() ? null : new AgentSocketCredentialsProvider(Path.of(value.strip()));
  }

  @Override
  public Credentials resolve() {
    JsonNode node = parse(read());
    String code = node.path("Code").asText("");
    if (!code.equals("Success")) {
      throw new CredentialsUnavailableException(SOURCE + " " + socket + ": the agent has no credentials (Code "
          + code + ": " + node.path("Message").asText("") + ")");
    }
    String id = field(node, "AccessKeyId");
    String secret = field(node, "SecretAccessKey");
    String token = field(node, "Token");
    Instant expiration;
    try {
      expiration = Instant.parse(field(node, "Expiration"));
    } catch (DateTimeParseException e) {
      throw new CredentialsUnavailableException(SOURCE + " " + socket + ": Expiration is not an ISO-8601 instant");
    }
    try {
      return Credentials.session(id, secret, token, expiration);
    } catch (IllegalArgumentException e) {
      throw new CredentialsUnavailableException(SOURCE + " " + socket + ": AccessKeyId is not a usable access key id");
    }
  }

  private byte[] read() {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
      ByteBuffer buffer = ByteBuffer.allocate(4096);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        out.write(buffer.array(), 0, buffer.limit());
        buffer.clear();
        if (out.size() > MAX_BYTES) {
          throw new CredentialsUnavailableException(SOURCE + " " + socket + ": the answer is over " + MAX_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new CredentialsUnavailableException(SOURCE + " " + socket + ": cannot read from the agent ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + "); is 'lanyard agent' running?", e);
    }
  }

  private JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new CredentialsUnavailableException(SOURCE + " " + socket + ": the answer is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new CredentialsUnavailableException(SOURCE + " " + socket + ": the answer is not valid JSON");
    }
  }

  private String field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new CredentialsUnavailableException(SOURCE + " " + socket + ": the field " + name + " is missing");
    }
    return value.asText();
  }

  @Override
  public String toString() {
    return "AgentSocketCredentialsProvider[" + socket + "]";
  }
}
