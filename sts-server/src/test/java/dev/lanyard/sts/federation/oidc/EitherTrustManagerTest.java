package dev.lanyard.sts.federation.oidc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A chain is trusted when either source of trust accepts it, and refused when neither does. */
class EitherTrustManagerTest {
  private static X509Certificate first;
  private static X509Certificate second;
  private static X509Certificate unknown;

  @BeforeAll
  static void certificates() throws Exception {
    first = TestCertificates.selfSigned("First CA");
    second = TestCertificates.selfSigned("Second CA");
    unknown = TestCertificates.selfSigned("Unknown CA");
  }

  private static EitherTrustManager either() throws Exception {
    return new EitherTrustManager(ProviderTlsTrust.trusting(List.of(first)), ProviderTlsTrust.trusting(List.of(second)));
  }

  @Test
  void aChainTheFirstTrustsIsTrusted() throws Exception {
    EitherTrustManager trust = either();
    assertDoesNotThrow(() -> trust.checkServerTrusted(new X509Certificate[] {first}, "ECDHE_ECDSA"));
  }

  @Test
  void aChainOnlyTheSecondTrustsIsTrusted() throws Exception {
    EitherTrustManager trust = either();
    assertDoesNotThrow(() -> trust.checkServerTrusted(new X509Certificate[] {second}, "ECDHE_ECDSA"));
  }

  @Test
  void aChainNeitherTrustsIsRefusedWithBothRefusals() throws Exception {
    EitherTrustManager trust = either();
    CertificateException e = assertThrows(CertificateException.class,
        () -> trust.checkServerTrusted(new X509Certificate[] {unknown}, "ECDHE_ECDSA"));
    assertEquals(1, e.getSuppressed().length, "the second refusal travels with the first");
  }

  @Test
  void theAcceptedIssuersAreBothSets() throws Exception {
    assertEquals(List.of(first, second), List.of(either().getAcceptedIssuers()));
  }

  @Test
  void withTheJvmDefaultAnAnchorOfTheDefaultStoreAndAnExtraCertificateAreBothTrusted() throws Exception {
    X509ExtendedTrustManager jvm = ProviderTlsTrust.jvmDefault();
    X509Certificate[] anchors = jvm.getAcceptedIssuers();
    assertTrue(anchors.length > 0, "the JVM's default trust store has anchors");
    X509Certificate publicRoot = anchors[0];
    EitherTrustManager trust = new EitherTrustManager(jvm, ProviderTlsTrust.trusting(List.of(second)));

    assertDoesNotThrow(() -> trust.checkServerTrusted(new X509Certificate[] {publicRoot},
        publicRoot.getPublicKey().getAlgorithm()));
    assertDoesNotThrow(() -> trust.checkServerTrusted(new X509Certificate[] {second}, "ECDHE_ECDSA"));
    assertThrows(CertificateException.class,
        () -> trust.checkServerTrusted(new X509Certificate[] {unknown}, "ECDHE_ECDSA"));
    assertThrows(CertificateException.class,
        () -> jvm.checkServerTrusted(new X509Certificate[] {second}, "ECDHE_ECDSA"),
        "the extra certificate is not in the JVM's store: only the extra source trusts it");
  }
}
