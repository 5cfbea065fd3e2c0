package dev.lanyard.sdk.client;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * How a client secures its connections: plaintext (tests, loopback), TLS trusting the system's CAs
 * or a PEM trust bundle, and optionally mTLS with a PEM client certificate chain and private key.
 *
 * @param plaintext no TLS at all
 * @param trustCertificates PEM CA certificates to trust, or {@code null} for the system's
 * @param clientCertificateChain PEM client certificate chain for mTLS, or {@code null}
 * @param clientPrivateKey PEM (PKCS#8) private key of the client certificate, or {@code null}
 */
public record ClientTls(boolean plaintext, Path trustCertificates, Path clientCertificateChain, Path clientPrivateKey) {

  public ClientTls {
    if ((clientCertificateChain == null) != (clientPrivateKey == null)) {
      throw new IllegalArgumentException(
          "clientCertificateChain/clientPrivateKey: mTLS needs both the certificate chain and the private key, got only one");
    }
    if (plaintext && (trustCertificates != null || clientCertificateChain != null)) {
      throw new IllegalArgumentException(
          "plaintext: cannot be combined with trust certificates or a client certificate");
    }
  }

  /** No TLS. */
  public static ClientTls plaintextConnections() {
    return new ClientTls(true, null, null, null);
  }

  /** TLS, trusting the system's CAs. */
  public static ClientTls systemTrust() {
    return new ClientTls(false, null, null, null);
  }

  /** TLS, trusting the CA certificates in a PEM file. */
  public static ClientTls trusting(Path trustCertificates) {
    return new ClientTls(false, trustCertificates, null, null);
  }

  /** The same trust, presenting a client certificate (mTLS). */
  public ClientTls withClientCertificate(Path certificateChain, Path privateKey) {
    if (plaintext) {
      throw new IllegalArgumentException("clientCertificateChain: mTLS needs TLS, but these options are plaintext");
    }
    return new ClientTls(false, trustCertificates, certificateChain, privateKey);
  }

  /** The gRPC channel credentials; reads the PEM files. */
  ChannelCredentials toChannelCredentials() {
    if (plaintext) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
    try {
      if (trustCertificates != null) {
        builder.trustManager(trustCertificates.toFile());
      }
      if (clientCertificateChain != null) {
        builder.keyManager(clientCertificateChain.toFile(), clientPrivateKey.toFile());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException(
          "TLS: cannot load the PEM trust certificates or client certificate/key ("
              + trustCertificates + ", " + clientCertificateChain + "): " + e.getClass().getSimpleName(), e));
    }
    return builder.build();
  }
}
