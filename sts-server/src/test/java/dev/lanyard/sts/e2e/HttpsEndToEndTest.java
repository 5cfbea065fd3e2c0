package dev.lanyard.sts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.config.ConfigException;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.federation.oidc.TestCertificates;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A node started with {@code --tls-cert}, {@code --tls-key} and {@code --http-tls}: gRPC and the
 * HTTP port (health, the STS Query API through the AWS SDK) over TLS on real sockets, with a
 * certificate for 127.0.0.1 that only these clients trust; plain HTTP gets no answer.
 */
class HttpsEndToEndTest {
  @TempDir Path dir;

  /** A self-signed certificate for IP 127.0.0.1 and its PKCS#8 key, as PEM files. */
  private record TlsFiles(Path certificate, Path key, X509Certificate x509) {
    static TlsFiles write(Path dir) throws Exception {
      TestCertificates.Issued issued = TestCertificates.selfSignedServer("127.0.0.1");
      Path certificate = Files.writeString(dir.resolve("node.pem"), TestCertificates.pem(issued.certificate()));
      Path key = Files.writeString(dir.resolve("node-key.pem"), issued.privateKeyPem());
      return new TlsFiles(certificate, key, issued.certificate());
    }

    TrustManager[] trustManagers() {
      try {
        return TestCertificates.trusting(x509);
      } catch (Exception e) {
        throw new IllegalStateException("cannot trust the test certificate", e);
      }
    }
  }

  private RunningServer start(TlsFiles tls) throws IOException {
    return RunningServer.start(dir.resolve("node"), Map.of(Setting.TLS_CERT, tls.certificate().toString(),
        Setting.TLS_KEY, tls.key().toString(), Setting.HTTP_TLS, "true"), Clock.systemUTC());
  }

  @Test
  void bothPortsServeTlsWithTheGivenCertificate() throws Exception {
    TlsFiles tls = TlsFiles.write(dir);
    try (RunningServer node = start(tls)) {
      HttpClient https = HttpClient.newBuilder().sslContext(TestCertificates.clientTrusting(tls.x509())).build();
      HttpResponse<String> health = https.send(HttpRequest.newBuilder(
          URI.create("https://127.0.0.1:" + node.httpPort() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), health.body());

      try {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + node.httpPort() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, plain.statusCode(), "plain HTTP must not be served: " + plain.body());
      } catch (IOException expected) {
        // the TLS listener does not speak plain HTTP
      }

      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort())
          .sslContext(GrpcSslContexts.forClient().trustManager(tls.certificate().toFile()).build()).build();
      try {
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus());
      } finally {
        channel.shutdownNow();
      }

      try (StsClient sts = StsClient.builder()
          .endpointOverride(URI.create("https://127.0.0.1:" + node.httpPort()))
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(node.root.accessKeyId(), node.root.secretAccessKey())))
          .httpClientBuilder(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(tls::trustManagers))
          .build()) {
        assertEquals("arn:aws:iam::" + node.accountId + ":root", sts.getCallerIdentity().arn());
      }
    }
  }

  @Test
  void aKeyThatIsNotPemStopsTheNodeNamingBothFiles() throws Exception {
    TlsFiles tls = TlsFiles.write(dir);
    Files.writeString(tls.key(), "not a key");
    ConfigException e = assertThrows(ConfigException.class, () -> start(tls));
    assertTrue(e.getMessage().contains("--tls-key " + tls.key()) && e.getMessage().contains("PKCS#8"), e.getMessage());
  }
}
