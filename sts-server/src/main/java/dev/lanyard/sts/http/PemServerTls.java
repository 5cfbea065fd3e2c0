package dev.lanyard.sts.http;

import dev.lanyard.sts.config.ConfigException;
import io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * The server side of TLS for the HTTP port, from the same PEM files as the gRPC port
 * ({@code --tls-cert}, a certificate chain; {@code --tls-key}, a PKCS#8 private key), read by the
 * same code as gRPC's (Netty's PEM reader, on the JDK's TLS provider).
 */
public final class PemServerTls {
  private PemServerTls() {}

  /**
   * @throws ConfigException naming both files when they cannot be read or do not form a key pair
   */
  public static SSLContext load(Path certificateChain, Path privateKey) {
    try {
      JdkSslContext context = (JdkSslContext) SslContextBuilder
          .forServer(certificateChain.toFile(), privateKey.toFile())
          .sslProvider(SslProvider.JDK)
          .build();
      return context.context();
    } catch (Exception e) {
      throw new ConfigException("--tls-cert " + certificateChain + " and --tls-key " + privateKey
          + ": cannot serve HTTPS with them (" + e.getClass().getSimpleName() + "); give a PEM certificate"
          + " chain and its PEM private key (PKCS#8, unencrypted)");
    }
  }
}
