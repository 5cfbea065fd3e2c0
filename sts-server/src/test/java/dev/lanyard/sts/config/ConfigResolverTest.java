package dev.lanyard.sts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.federation.oidc.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
  @TempDir Path dir;

  @Test
  void defaultsMatchTheDocumentedContract() {
    ServerConfig c = new ConfigResolver(Map.of(), Map.of(), null).resolve();
    assertEquals(Path.of("./lanyard-data"), c.dataDir());
    assertEquals(7400, c.grpcPort());
    assertEquals(7401, c.httpPort());
    assertEquals("127.0.0.1", c.bind());
    assertTrue(c.embeddedStore());
    assertEquals("Ed25519", c.signingAlgorithm());
    assertEquals("http://127.0.0.1:7401", c.issuer());
    assertEquals(Path.of("./lanyard-data").resolve("kek"), c.kekFile());
    assertNull(c.bootstrapFile());
    assertEquals(2 * Runtime.getRuntime().availableProcessors(), c.grpcThreads());
  }

  @Test
  void grpcThreadsIsAPositiveCount() {
    assertEquals(12, new ConfigResolver(Map.of(), Map.of("LANYARD_GRPC_THREADS", "12"), null).resolve().grpcThreads());
    for (String bad : new String[] {"0", "-1", "many", "1025"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> new ConfigResolver(Map.of(Setting.GRPC_THREADS, bad), Map.of(), null).resolve());
      assertTrue(e.getMessage().contains("grpc-threads '" + bad + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("a whole number from 1 to 1024"), e.getMessage());
    }
  }

  @Test
  void flagBeatsEnvironmentBeatsFile() throws Exception {
    Path file = dir.resolve("lanyard.yaml");
    Files.writeString(file, "grpc-port: 9000\nhttpPort: 9001\nregion: eu-west-1\n");
    Map<String, String> env = Map.of("LANYARD_GRPC_PORT", "8000", "LANYARD_BIND", "0.0.0.0");
    ServerConfig c = new ConfigResolver(Map.of(Setting.GRPC_PORT, "7000"), env, file).resolve();
    assertEquals(7000, c.grpcPort());
    assertEquals(9001, c.httpPort());
    assertEquals("0.0.0.0", c.bind());
    assertEquals("eu-west-1", c.region());
  }

  @Test
  void configFileFromEnvironment() throws Exception {
    Path file = dir.resolve("c.json");
    Files.writeString(file, "{\"key-rotation-period\": \"PT12H\"}");
    ServerConfig c = new ConfigResolver(Map.of(), Map.of("LANYARD_CONFIG", file.toString()), null).resolve();
    assertEquals(Duration.ofHours(12), c.keyRotationPeriod());
  }

  @Test
  void badValuesNameTheSettingItsSourceAndWhatIsAccepted() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(), Map.of("LANYARD_GRPC_PORT", "http"), null).resolve());
    assertTrue(e.getMessage().contains("grpc-port"), e.getMessage());
    assertTrue(e.getMessage().contains("LANYARD_GRPC_PORT"), e.getMessage());
    assertTrue(e.getMessage().contains("0 (any free port) to 65535"), e.getMessage());

    e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(Setting.SIGNING_ALGORITHM, "RS256"), Map.of(), null).resolve());
    assertTrue(e.getMessage().contains("Ed25519 or ES256"), e.getMessage());

    e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(Setting.STORE, "postgres://x"), Map.of(), null).resolve());
    assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());

    e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(Setting.TLS_CERT, "/x.pem"), Map.of(), null).resolve());
    assertTrue(e.getMessage().contains("--tls-key"), e.getMessage());
  }

  @Test
  void httpTlsNeedsTheTlsFilesAndMakesTheDefaultIssuerHttps() throws Exception {
    assertFalse(new ConfigResolver(Map.of(), Map.of(), null).resolve().httpTls());
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(Setting.HTTP_TLS, "true"), Map.of(), null).resolve());
    assertTrue(e.getMessage().contains("--http-tls (HTTPS on the HTTP port) needs --tls-cert and --tls-key"),
        e.getMessage());
    Map<Setting, String> tls = Map.of(Setting.TLS_CERT, "/etc/lanyard/cert.pem", Setting.TLS_KEY, "/etc/lanyard/key.pem");
    ServerConfig grpcOnly = new ConfigResolver(tls, Map.of(), null).resolve();
    assertFalse(grpcOnly.httpTls());
    assertEquals("http://127.0.0.1:7401", grpcOnly.issuer());
    ServerConfig https = new ConfigResolver(tls, Map.of("LANYARD_HTTP_TLS", "true"), null).resolve();
    assertTrue(https.httpTls());
    assertEquals("https://127.0.0.1:7401", https.issuer());
    e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(tls, Map.of("LANYARD_HTTP_TLS", "sure"), null).resolve());
    assertTrue(e.getMessage().contains("LANYARD_HTTP_TLS") && e.getMessage().contains("true or false"), e.getMessage());
  }

  @Test
  void unknownFileKeyIsRefusedWithTheAcceptedKeys() throws Exception {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "grpcport: 1\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(), Map.of(), file).resolve());
    assertTrue(e.getMessage().contains("unknown setting 'grpcport'"), e.getMessage());
    assertTrue(e.getMessage().contains("grpc-port"), e.getMessage());
  }

  @Test
  void theOidcCaFileComesFromAFlagTheEnvironmentOrTheConfigFile() throws Exception {
    Path pem = dir.resolve("idp-ca.pem");
    Files.writeString(pem, TestCertificates.pem(TestCertificates.selfSigned("IdP CA")));
    assertNull(new ConfigResolver(Map.of(), Map.of(), null).resolve().oidcCaFile());
    assertEquals(pem, new ConfigResolver(Map.of(Setting.OIDC_CA_FILE, pem.toString()), Map.of(), null).resolve()
        .oidcCaFile());
    assertEquals(pem, new ConfigResolver(Map.of(), Map.of("LANYARD_OIDC_CA_FILE", pem.toString()), null).resolve()
        .oidcCaFile());
    Path file = dir.resolve("lanyard.yaml");
    Files.writeString(file, "oidc-ca-file: " + pem + "\n");
    assertEquals(pem, new ConfigResolver(Map.of(), Map.of(), file).resolve().oidcCaFile());
    Files.writeString(file, "oidcCaFile: " + pem + "\n");
    assertEquals(pem, new ConfigResolver(Map.of(), Map.of(), file).resolve().oidcCaFile());
  }

  @Test
  void aBadOidcCaFileStopsTheStartNamingTheSettingThePathAndWhatIsAccepted() throws Exception {
    Path missing = dir.resolve("nowhere.pem");
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(Setting.OIDC_CA_FILE, missing.toString()), Map.of(), null).resolve());
    assertTrue(e.getMessage().startsWith("invalid oidc-ca-file '" + missing + "' (from flag --oidc-ca-file): no such"
        + " file; expected a readable PEM file of one or more X.509 certificates"), e.getMessage());

    Path key = dir.resolve("key.pem");
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(), Map.of("LANYARD_OIDC_CA_FILE", key.toString()), null).resolve());
    assertTrue(e.getMessage().contains("(from environment variable LANYARD_OIDC_CA_FILE): holds no certificate"),
        e.getMessage());

    Path der = dir.resolve("ca.der");
    Files.write(der, TestCertificates.selfSigned("DER").getEncoded());
    e = assertThrows(ConfigException.class,
        () -> new ConfigResolver(Map.of(Setting.OIDC_CA_FILE, der.toString()), Map.of(), null).resolve());
    assertTrue(e.getMessage().contains("is not PEM"), e.getMessage());
    assertTrue(e.getMessage().contains("-----BEGIN CERTIFICATE----- blocks"), e.getMessage());
  }

  @Test
  void privateFilesAreOwnerOnly() throws Exception {
    Path f = dir.resolve("sub/secret.json");
    PrivateFiles.write(f, "{}");
    assertEquals("rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }
}
