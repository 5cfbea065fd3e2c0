package dev.lanyard.sts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.federation.oidc.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a PEM certificate bundle, and what is said about a file that is not one. */
class PemCertificateFileTest {
  private static X509Certificate a;
  private static X509Certificate b;

  @TempDir Path dir;

  @BeforeAll
  static void certificates() throws Exception {
    a = TestCertificates.selfSigned("A");
    b = TestCertificates.selfSigned("B");
  }

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private String problem(Path file) {
    return assertThrows(PemCertificateFile.Unusable.class, () -> PemCertificateFile.read(file)).getMessage();
  }

  @Test
  void aBundleGivesEveryCertificateInOrderAndIgnoresTextAndOtherBlocks() throws Exception {
    Path f = file("bundle.pem", "# the IdP's CA\n" + TestCertificates.pem(a)
        + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" + "subject=CN=B\n" + TestCertificates.pem(b));
    assertEquals(List.of(a, b), PemCertificateFile.read(f));
  }

  @Test
  void windowsLineEndingsAreAccepted() throws Exception {
    Path f = file("crlf.pem", TestCertificates.pem(a).replace("\n", "\r\n"));
    assertEquals(List.of(a), PemCertificateFile.read(f));
  }

  @Test
  void aBadFileIsNamedForWhatIsWrongWithIt() throws Exception {
    assertEquals("no such file", problem(dir.resolve("missing.pem")));
    assertEquals("is not a regular file", problem(dir));
    assertEquals("is empty", problem(file("empty.pem", "")));
    assertEquals("is not PEM (no -----BEGIN ...----- block)", problem(file("der.pem", "0\u0082\u0001\u00a2binary")));
    assertEquals("holds no certificate (only 1 other PEM block(s))",
        problem(file("key.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")));
    assertEquals("certificate block 1 is not a valid X.509 certificate",
        problem(file("broken.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")));
    assertEquals("certificate block 2 is not a valid X.509 certificate",
        problem(file("second-broken.pem", TestCertificates.pem(a) + "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n")));
  }

  @Test
  void aFileLargerThanOneMebibyteIsRefused() throws Exception {
    Path f = file("huge.pem", TestCertificates.pem(a) + "#".repeat(PemCertificateFile.MAX_BYTES));
    assertTrue(problem(f).startsWith("is larger than 1024 KiB"), problem(f));
  }

  @Test
  void forASettingTheErrorNamesTheSettingThePathTheSourceAndWhatIsAccepted() {
    Path missing = dir.resolve("idp-ca.pem");
    ConfigException e = assertThrows(ConfigException.class,
        () -> PemCertificateFile.forSetting(Setting.OIDC_CA_FILE, missing, "flag --oidc-ca-file"));
    assertEquals("invalid oidc-ca-file '" + missing + "' (from flag --oidc-ca-file): no such file; expected a readable"
        + " PEM file of one or more X.509 certificates (-----BEGIN CERTIFICATE----- blocks), at most 1024 KiB",
        e.getMessage());
  }
}
