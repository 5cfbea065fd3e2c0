package dev.lanyard.sts.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The server's resolved settings: immutable, validated. Build one with {@link ConfigResolver}.
 * Nullable: {@code bootstrapFile}, {@code storeUrl} (embedded H2 when null), TLS paths,
 * {@code oidcCaFile} (OpenID Connect keys fetched with the JVM's trust store only when null).
 * {@code grpcThreads} is at least 1. {@code httpTls} (HTTPS on the HTTP port) needs the TLS
 * certificate and key.
 */
public record ServerConfig(
    Path dataDir,
    int grpcPort,
    int httpPort,
    String bind,
    Path bootstrapFile,
    String storeUrl,
    String nodeId,
    String signingAlgorithm,
    Duration keyRotationPeriod,
    String region,
    String partition,
    String issuer,
    String auditLog,
    Path kekFile,
    Path tlsCert,
    Path tlsKey,
    Path tlsClientCa,
    Path oidcCaFile,
    int grpcThreads,
    boolean httpTls) {

  public ServerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(signingAlgorithm, "signingAlgorithm");
    Objects.requireNonNull(keyRotationPeriod, "keyRotationPeriod");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(auditLog, "auditLog");
    Objects.requireNonNull(kekFile, "kekFile");
    if (httpTls && tlsCert == null) {
      throw new IllegalArgumentException("httpTls: needs tlsCert and tlsKey");
    }
    if (grpcThreads < 1) {
      throw new IllegalArgumentException("grpcThreads: " + grpcThreads + "; at least 1 is accepted");
    }
  }

  /** Whether this node uses the embedded H2 store in its data folder. */
  public boolean embeddedStore() {
    return storeUrl == null;
  }

  public boolean tlsEnabled() {
    return tlsCert != null;
  }

  /** A copy with other ports (tests bind port 0 and learn the real ports after start). */
  public ServerConfig withPorts(int grpc, int http) {
    return new ServerConfig(dataDir, grpc, http, bind, bootstrapFile, storeUrl, nodeId,
        signingAlgorithm, keyRotationPeriod, region, partition, issuer, auditLog, kekFile, tlsCert,
        tlsKey, tlsClientCa, oidcCaFile, grpcThreads, httpTls);
  }

  /** A copy with another bootstrap file. */
  public ServerConfig withBootstrap(Path file) {
    return new ServerConfig(dataDir, grpcPort, httpPort, bind, file, storeUrl, nodeId,
        signingAlgorithm, keyRotationPeriod, region, partition, issuer, auditLog, kekFile, tlsCert,
        tlsKey, tlsClientCa, oidcCaFile, grpcThreads, httpTls);
  }

  /** A copy with another store URL (null for the embedded store). */
  public ServerConfig withStore(String url, String node) {
    return new ServerConfig(dataDir, grpcPort, httpPort, bind, bootstrapFile, url, node,
        signingAlgorithm, keyRotationPeriod, region, partition, issuer, auditLog, kekFile, tlsCert,
        tlsKey, tlsClientCa, oidcCaFile, grpcThreads, httpTls);
  }
}
