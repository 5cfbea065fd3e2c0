package dev.lanyard.sts.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves {@link ServerConfig} from three layers: flags (highest), {@code LANYARD_*} environment
 * variables, and a config file (YAML or JSON, keys as in {@link Setting#key()} or camelCase).
 * Every value is checked; a bad one is a {@link ConfigException} naming the setting, where it came
 * from, and what is accepted.
 */
public final class ConfigResolver {
  private final Map<Setting, String> flags;
  private final Map<String, String> environment;
  private final Path configFile;

  /**
   * @param flags settings given on the command line (absent ones not in the map)
   * @param environment the process environment (usually {@code System.getenv()})
   * @param configFile the file named by {@code --config} or {@code LANYARD_CONFIG}, or null
   */
  public ConfigResolver(Map<Setting, String> flags, Map<String, String> environment, Path configFile) {
    this.flags = flags.isEmpty() ? new EnumMap<>(Setting.class) : new EnumMap<>(flags);
    this.environment = Map.copyOf(environment);
    Path file = configFile;
    if (file == null && environment.get("LANYARD_CONFIG") != null) {
      file = Path.of(environment.get("LANYARD_CONFIG"));
    }
    this.configFile = file;
  }

  public ServerConfig resolve() {
    Map<Setting, Sourced> values = layered();
    Path dataDir = Path.of(text(values, Setting.DATA_DIR));
    int grpcPort = port(values, Setting.GRPC_PORT);
    int httpPort = port(values, Setting.HTTP_PORT);
    String bind = text(values, Setting.BIND);
    String bootstrap = text(values, Setting.BOOTSTRAP);
    String store = text(values, Setting.STORE);
    if (store != null && !store.startsWith("jdbc:postgresql:") && !store.startsWith("jdbc:h2:")) {
      throw invalid(values.get(Setting.STORE), Setting.STORE,
          "a JDBC URL: jdbc:postgresql://HOST:PORT/DB?user=U (or jdbc:h2:... for tests)");
    }
    String nodeId = text(values, Setting.NODE_ID);
    if (nodeId == null) {
      nodeId = hostName();
    }
    String algorithm = text(values, Setting.SIGNING_ALGORITHM);
    String canonicalAlgorithm = switch (algorithm.toUpperCase(Locale.ROOT)) {
      case "ED25519", "EDDSA" -> "Ed25519";
      case "ES256" -> "ES256";
      default -> throw invalid(values.get(Setting.SIGNING_ALGORITHM), Setting.SIGNING_ALGORITHM,
          "Ed25519 or ES256");
    };
    Duration rotation = duration(values, Setting.KEY_ROTATION_PERIOD);
    if (rotation.compareTo(Duration.ofHours(1)) < 0) {
      throw invalid(values.get(Setting.KEY_ROTATION_PERIOD), Setting.KEY_ROTATION_PERIOD,
          "an ISO-8601 duration of at least PT1H");
    }
    String region = text(values, Setting.REGION);
    if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
      throw invalid(values.get(Setting.REGION), Setting.REGION, "a region name such as us-east-1");
    }
    String partition = text(values, Setting.PARTITION);
    if (!partition.matches("[a-z][a-z0-9-]{1,31}")) {
      throw invalid(values.get(Setting.PARTITION), Setting.PARTITION,
          "a partition name such as aws (lower-case letters, digits, dashes)");
    }
    boolean httpTls = flag(values, Setting.HTTP_TLS);
    String issuer = text(values, Setting.ISSUER);
    if (issuer == null) {
      issuer = (httpTls ? "https://" : "http://") + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + httpPort;
    }
    String audit = text(values, Setting.AUDIT_LOG);
    if (audit == null) {
      audit = dataDir.resolve("audit.log").toString();
    }
    String kek = text(values, Setting.KEK_FILE);
    Path kekFile = kek == null ? dataDir.resolve("kek") : Path.of(kek);
    Path tlsCert = path(values, Setting.TLS_CERT);
    Path tlsKey = path(values, Setting.TLS_KEY);
    Path tlsClientCa = path(values, Setting.TLS_CLIENT_CA);
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ConfigException("--tls-cert and --tls-key go together: give both or neither");
    }
    if (tlsClientCa != null && tlsCert == null) {
      throw new ConfigException("--tls-client-ca (mTLS) needs --tls-cert and --tls-key");
    }
    if (httpTls && tlsCert == null) {
      throw new ConfigException("--http-tls (HTTPS on the HTTP port) needs --tls-cert and --tls-key");
    }
    Path oidcCaFile = path(values, Setting.OIDC_CA_FILE);
    if (oidcCaFile != null) {
      // Read once here too, so that a bad file stops the node before it starts anything.
      PemCertificateFile.forSetting(Setting.OIDC_CA_FILE, oidcCaFile, values.get(Setting.OIDC_CA_FILE).source());
    }
    int grpcThreads = 2 * Runtime.getRuntime().availableProcessors();
    if (text(values, Setting.GRPC_THREADS) != null) {
      grpcThreads = count(values, Setting.GRPC_THREADS, 1, 1024);
    }
    return new ServerConfig(dataDir, grpcPort, httpPort, bind,
        bootstrap == null ? null : Path.of(bootstrap), store, nodeId, canonicalAlgorithm, rotation,
        region, partition, issuer, audit, kekFile, tlsCert, tlsKey, tlsClientCa, oidcCaFile, grpcThreads, httpTls);
  }

  private record Sourced(String value, String source) {}

  private Map<Setting, Sourced> layered() {
    Map<Setting, Sourced> values = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      if (s.defaultValue() != null) {
        values.put(s, new Sourced(s.defaultValue(), "the default"));
      }
    }
    if (configFile != null) {
      readFile().forEach((s, v) -> values.put(s, new Sourced(v, "config file " + configFile)));
    }
    for (Setting s : Setting.values()) {
      String v = environment.get(s.environmentVariable());
      if (v != null && !v.isEmpty()) {
        values.put(s, new Sourced(v, "environment variable " + s.environmentVariable()));
      }
    }
    flags.forEach((s, v) -> values.put(s, new Sourced(v, "flag " + s.flag())));
    return values;
  }

  private Map<Setting, String> readFile() {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(configFile));
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + configFile + ": " + e.getMessage(), e);
    }
    Map<Setting, String> out = new EnumMap<>(Setting.class);
    if (root == null || root.isNull() || root.isMissingNode()) {
      return out;
    }
    if (!root.isObject()) {
      throw new ConfigException("config file " + configFile + " must hold a mapping of setting to value");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      Setting setting = byKey(e.getKey());
      if (setting == null) {
        throw new ConfigException("config file " + configFile + ": unknown setting '" + e.getKey()
            + "'; accepted: " + acceptedKeys());
      }
      if (!e.getValue().isValueNode()) {
        throw new ConfigException("config file " + configFile + ": setting '" + e.getKey()
            + "' must be a single value");
      }
      out.put(setting, e.getValue().asText());
    }
    return out;
  }

  private static Setting byKey(String key) {
    for (Setting s : Setting.values()) {
      if (s.key().equals(key) || s.camelKey().equals(key)) {
        return s;
      }
    }
    return null;
  }

  private static String acceptedKeys() {
    StringBuilder b = new StringBuilder();
    for (Setting s : Setting.values()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(s.key());
    }
    return b.toString();
  }

  private static String text(Map<Setting, Sourced> values, Setting s) {
    Sourced v = values.get(s);
    return v == null ? null : v.value().trim();
  }

  private static Path path(Map<Setting, Sourced> values, Setting s) {
    String v = text(values, s);
    return v == null || v.isEmpty() ? null : Path.of(v);
  }

  private static int port(Map<Setting, Sourced> values, Setting s) {
    String v = text(values, s);
    try {
      int port = Integer.parseInt(v);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw invalid(values.get(s), s, "a port number from 0 (any free port) to 65535");
  }

  private static int count(Map<Setting, Sourced> values, Setting s, int min, int max) {
    try {
      int n = Integer.parseInt(text(values, s));
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw invalid(values.get(s), s, "a whole number from " + min + " to " + max);
  }

  private static boolean flag(Map<Setting, Sourced> values, Setting s) {
    return switch (text(values, s).strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(values.get(s), s, "true or false");
    };
  }

  private static Duration duration(Map<Setting, Sourced> values, Setting s) {
    try {
      return Duration.parse(text(values, s));
    } catch (DateTimeParseException e) {
      throw invalid(values.get(s), s, "an ISO-8601 duration such as PT24H");
    }
  }

  private static ConfigException invalid(Sourced v, Setting s, String accepted) {
    return new ConfigException("invalid " + s.key() + " '" + v.value() + "' (from " + v.source()
        + "): expected " + accepted);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node-" + ProcessHandle.current().pid();
    }
  }
}
