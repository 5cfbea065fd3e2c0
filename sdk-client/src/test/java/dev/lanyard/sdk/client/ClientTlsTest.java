package dev.lanyard.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.StaticCredentialsProvider;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mTLS end to end over loopback, with certificates made by openssl for the test. */
class ClientTlsTest {
  private static final Credentials USER = Credentials.longTerm("AKIATLSTEST000000001", "tls/secret");
  @TempDir static Path dir;

  @BeforeAll
  static void makeCertificates() throws Exception {
    assumeTrue(new File("/usr/bin/openssl").canExecute() || new File("/bin/openssl").canExecute(), "needs openssl");
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=lanyard-test-ca");
    for (String name : List.of("server", "client")) {
      openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
          "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
      openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
          "-out", name + ".pem", "-days", "1", "-extfile", "san.ext");
    }
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("openssl " + args[0] + " failed");
    }
  }

  private static StsTestServer mtlsServer() throws IOException {
    ServerCredentials credentials = TlsServerCredentials.newBuilder()
        .keyManager(dir.resolve("server.pem").toFile(), dir.resolve("server.key").toFile())
        .trustManager(dir.resolve("ca.pem").toFile())
        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
        .build();
    return new StsTestServer(Clock.systemUTC(), Duration.ofHours(1), 0, credentials);
  }

  private static LanyardClient client(StsTestServer server, ClientTls tls) {
    return LanyardClient.builder().endpoints(server.endpoint()).tls(tls)
        .credentials(new StaticCredentialsProvider(USER))
        .retry(new RetrySettings(1, Duration.ZERO, Duration.ZERO)).deadline(Duration.ofSeconds(5)).build();
  }

  @Test
  void mutualTlsWithPemFiles() throws Exception {
    try (StsTestServer server = mtlsServer();
        LanyardClient client = client(server, ClientTls.trusting(dir.resolve("ca.pem"))
            .withClientCertificate(dir.resolve("client.pem"), dir.resolve("client.key")))) {
      assertEquals(USER.accessKeyId(), client.getCallerIdentity().getUserId());
    }
  }

  @Test
  void withoutAClientCertificateTheServerRefusesTheConnection() throws Exception {
    try (StsTestServer server = mtlsServer();
        LanyardClient client = client(server, ClientTls.trusting(dir.resolve("ca.pem")))) {
      LanyardServiceException e = assertThrows(LanyardServiceException.class, client::getCallerIdentity);
      assertEquals(io.grpc.Status.Code.UNAVAILABLE, e.statusCode());
      assertEquals(0, server.calls().size());
    }
  }

  @Test
  void anUntrustedServerIsRefused() throws Exception {
    try (StsTestServer server = mtlsServer();
        LanyardClient client = client(server, ClientTls.systemTrust()
            .withClientCertificate(dir.resolve("client.pem"), dir.resolve("client.key")))) {
      assertThrows(LanyardServiceException.class, client::getCallerIdentity);
      assertEquals(0, server.calls().size());
    }
  }

  @Test
  void halfAnMtlsConfigurationIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ClientTls(false, null, dir.resolve("client.pem"), null));
    assertEquals(true, e.getMessage().startsWith("clientCertificateChain/clientPrivateKey"));
  }
}
