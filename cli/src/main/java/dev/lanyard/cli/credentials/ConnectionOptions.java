package dev.lanyard.cli.credentials;

import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.Endpoint;
import dev.lanyard.sdk.signing.grpc.GrpcRequestView;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say which server to call and as whom: {@code --endpoint}, {@code --region},
 * {@code --profile} and the TLS options. Each falls back to an environment variable, then to the
 * local default. A picocli mixin shared by every command that calls the server.
 */
public final class ConnectionOptions {
  /** Where a local node listens by default. */
  public static final String DEFAULT_ENDPOINT = "127.0.0.1:7400";

  @Option(names = "--endpoint", paramLabel = "HOST:PORT[,HOST:PORT...]",
      description = "the server's gRPC address(es), tried round-robin with failover;"
          + " default LANYARD_ENDPOINT, else " + DEFAULT_ENDPOINT)
  private String endpoint;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "sign with this profile of ~/.aws/credentials and ~/.aws/config (static keys,"
          + " role_arn with source_profile, web_identity_token_file, credential_process);"
          + " default: the SDK's default chain (AWS_ACCESS_KEY_ID..., AWS_PROFILE, ...)")
  private String profile;

  @Option(names = "--region", paramLabel = "REGION",
      description = "the region in the signature's scope; default LANYARD_REGION, else "
          + GrpcRequestView.DEFAULT_REGION)
  private String region;

  @Option(names = "--ca-file", paramLabel = "PEM",
      description = "trust the CA certificates in this PEM file for TLS; default LANYARD_CA_FILE, else the system's CAs")
  private Path caFile;

  @Option(names = "--client-cert", paramLabel = "PEM",
      description = "client certificate chain for mTLS (with --client-key)")
  private Path clientCertificate;

  @Option(names = "--client-key", paramLabel = "PEM",
      description = "PKCS#8 private key of --client-cert, for mTLS")
  private Path clientKey;

  @Option(names = "--plaintext",
      description = "connect without TLS (a local node without --tls-cert); default LANYARD_PLAINTEXT=true")
  private boolean plaintext;

  /**
   * The settings these options and {@code environment} give.
   *
   * @throws IllegalArgumentException naming the option and what is accepted, when a value is unusable
   */
  public ConnectionSettings settings(CliEnvironment environment) {
    String endpoints = endpoint != null ? endpoint : environment.variable("LANYARD_ENDPOINT");
    List<Endpoint> parsed;
    try {
      parsed = Endpoint.parseList(endpoints == null ? DEFAULT_ENDPOINT : endpoints);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--endpoint (or LANYARD_ENDPOINT): " + e.getMessage(), e);
    }
    String signingRegion = region != null ? region.strip() : environment.variable("LANYARD_REGION");
    if (signingRegion == null) {
      signingRegion = GrpcRequestView.DEFAULT_REGION;
    }
    if (!signingRegion.matches("[a-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("--region: must be a region name such as us-east-1, got '" + signingRegion + "'");
    }
    return new ConnectionSettings(parsed, signingRegion, tls(environment), profile == null ? null : profile.strip());
  }

  private ClientTls tls(CliEnvironment environment) {
    boolean noTls = plaintext || "true".equalsIgnoreCase(environment.variable("LANYARD_PLAINTEXT"));
    Path trust = caFile;
    if (trust == null && environment.variable("LANYARD_CA_FILE") != null) {
      trust = Path.of(environment.variable("LANYARD_CA_FILE"));
    }
    if (noTls && (caFile != null || clientCertificate != null || clientKey != null)) {
      throw new IllegalArgumentException(
          "--plaintext: cannot be combined with --ca-file, --client-cert or --client-key; choose TLS or plaintext");
    }
    if (noTls) {
      return ClientTls.plaintextConnections();
    }
    if ((clientCertificate == null) != (clientKey == null)) {
      throw new IllegalArgumentException("--client-cert/--client-key: mTLS needs both, got only "
          + (clientCertificate != null ? "--client-cert" : "--client-key"));
    }
    for (Path file : new Path[] {trust, clientCertificate, clientKey}) {
      if (file != null && !java.nio.file.Files.isReadable(file)) {
        throw new IllegalArgumentException("TLS file " + file + " is missing or unreadable; give a readable PEM file");
      }
    }
    ClientTls tls = trust == null ? ClientTls.systemTrust() : ClientTls.trusting(trust);
    return clientCertificate == null ? tls : tls.withClientCertificate(clientCertificate, clientKey);
  }
}
