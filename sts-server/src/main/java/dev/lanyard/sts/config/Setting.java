package dev.lanyard.sts.config;

import java.util.Locale;

/**
 * One server setting. Each has a flag ({@code --data-dir}), an environment variable
 * ({@code LANYARD_DATA_DIR}) and a config-file key ({@code data-dir}, also accepted as
 * {@code dataDir}); a flag beats the environment, which beats the file, which beats the default.
 */
public enum Setting {
  DATA_DIR("data-dir", "./lanyard-data", "Folder for the embedded store, keys and audit log."),
  GRPC_PORT("grpc-port", "7400", "gRPC port."),
  HTTP_PORT("http-port", "7401", "HTTP port: JWKS, discovery, metrics, health, STS Query API."),
  BIND("bind", "127.0.0.1", "Address to listen on."),
  BOOTSTRAP("bootstrap", null, "Declarative bootstrap file (YAML or JSON), applied idempotently."),
  STORE("store", null, "JDBC URL of a shared PostgreSQL store; default: embedded H2 in data-dir."),
  NODE_ID("node-id", null, "This node's name in a cluster; default: host name."),
  SIGNING_ALGORITHM("signing-algorithm", "Ed25519", "Session token signing algorithm: Ed25519 or ES256."),
  KEY_ROTATION_PERIOD("key-rotation-period", "PT24H", "How long a signing key signs (ISO-8601)."),
  REGION("region", "us-east-1", "The region this server answers for (SigV4 credential scope)."),
  PARTITION("partition", "aws", "The ARN partition."),
  ISSUER("issuer", null, "Session token issuer URL; default: http://<bind>:<http-port> (https:// with --http-tls)."),
  AUDIT_LOG("audit-log", null, "Audit log file (JSON lines); '-' for standard output; default: <data-dir>/audit.log."),
  KEK_FILE("kek-file", null, "Key-encryption key file; default: <data-dir>/kek (created on first start)."),
  TLS_CERT("tls-cert", null, "PEM certificate chain for TLS on the gRPC port (and the HTTP port with --http-tls)."),
  TLS_KEY("tls-key", null, "PEM private key (PKCS#8) for TLS on the gRPC port (and the HTTP port with --http-tls)."),
  TLS_CLIENT_CA("tls-client-ca", null, "PEM CA bundle: require client certificates signed by it (mTLS)."),
  HTTP_TLS("http-tls", "false", "Serve the HTTP port over TLS too (HTTPS), with the certificate and key of"
      + " --tls-cert and --tls-key; the default issuer then starts with https://. Client certificates are not"
      + " asked for on the HTTP port."),
  GRPC_THREADS("grpc-threads", null, "Threads that run the hot gRPC calls (Authorizer, AssumeRole, GetCallerIdentity,"
      + " GetSessionToken, ...); default: two per processor. Other calls run on a pool that grows as needed."),
  OIDC_CA_FILE("oidc-ca-file", null, "PEM file of CA or self-signed certificates trusted, besides the JVM's trust"
      + " store, when fetching OpenID Connect discovery documents and JWKS.");

  private final String key;
  private final String defaultValue;
  private final String description;

  Setting(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The config-file key, also the flag name without its leading dashes. */
  public String key() {
    return key;
  }

  public String flag() {
    return "--" + key;
  }

  /** Whether this is an on/off setting: off by default, on when its flag is given alone. */
  public boolean isSwitch() {
    return "false".equals(defaultValue);
  }

  public String environmentVariable() {
    return "LANYARD_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The camelCase spelling also accepted in config files. */
  public String camelKey() {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** The default, or null when the setting has none (or one derived from other settings). */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }
}
