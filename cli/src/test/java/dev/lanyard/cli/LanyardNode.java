package dev.lanyard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.cli.credentials.CliEnvironment;
import dev.lanyard.sts.config.ConfigResolver;
import dev.lanyard.sts.config.ServerConfig;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.server.LanyardServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Lanyard node for the command's tests: its own data folder, ephemeral loopback ports,
 * plaintext gRPC, and the root credentials it wrote to {@code root-credentials.json}.
 */
public final class LanyardNode implements AutoCloseable {
  private final LanyardServer server;
  private final Path home;
  public final String accessKeyId;
  public final String secretAccessKey;
  public final String accountId;

  private LanyardNode(LanyardServer server, Path home, JsonNode root) {
    this.server = server;
    this.home = home;
    this.accessKeyId = root.get("accessKeyId").asText();
    this.secretAccessKey = root.get("secretAccessKey").asText();
    this.accountId = root.get("accountId").asText();
  }

  /** Starts a node with its data in {@code folder}/data; {@code folder}/home is the CLI's home folder. */
  public static LanyardNode start(Path folder) throws IOException {
    Path dataDir = Files.createDirectories(folder.resolve("data"));
    Path home = Files.createDirectories(folder.resolve("home"));
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    flags.put(Setting.DATA_DIR, dataDir.toString());
    flags.put(Setting.GRPC_PORT, "0");
    flags.put(Setting.HTTP_PORT, "0");
    flags.put(Setting.NODE_ID, "cli-test-node");
    ServerConfig config = new ConfigResolver(flags, Map.of(), null).resolve();
    LanyardServer server = LanyardServer.builder(config).environment(Map.of()).start();
    JsonNode root = new ObjectMapper().readTree(Files.readString(dataDir.resolve("root-credentials.json")));
    return new LanyardNode(server, home, root);
  }

  /** {@code 127.0.0.1:PORT} of the gRPC door. */
  public String endpoint() {
    return "127.0.0.1:" + server.grpcPort();
  }

  public Path home() {
    return home;
  }

  /** An environment that reaches this node in plaintext, without credentials. */
  public Map<String, String> baseEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("LANYARD_ENDPOINT", endpoint());
    env.put("LANYARD_PLAINTEXT", "true");
    return env;
  }

  /** The base environment with {@code AWS_ACCESS_KEY_ID} etc. set to the given keys. */
  public CliEnvironment environment(String accessKeyId, String secret, String sessionToken) {
    Map<String, String> env = baseEnvironment();
    env.put("AWS_ACCESS_KEY_ID", accessKeyId);
    env.put("AWS_SECRET_ACCESS_KEY", secret);
    if (sessionToken != null) {
      env.put("AWS_SESSION_TOKEN", sessionToken);
    }
    return CliEnvironment.of(env, home);
  }

  /** The environment of the account's root user. */
  public CliEnvironment rootEnvironment() {
    return environment(accessKeyId, secretAccessKey, null);
  }

  @Override
  public void close() {
    server.close();
  }
}
