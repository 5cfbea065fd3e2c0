package dev.lanyard.sts.federation.oidc;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS trust used to fetch OpenID Connect providers' discovery documents and JWKS when the node
 * is given extra certificates ({@code --oidc-ca-file}, like Vault's {@code oidc_discovery_ca_pem}):
 * a server is trusted when the JVM's default trust store (the {@code cacerts} file, or
 * {@code -Djavax.net.ssl.trustStore}) or the extra certificates, as trust anchors, accept its chain
 * ({@link EitherTrustManager}). Host names are still verified, and provider thumbprints still
 * apply on top ({@link CertificatePins}).
 */
public final class ProviderTlsTrust {
  private ProviderTlsTrust() {}

  /** A client TLS context trusting the JVM's default trust store and {@code extra}. */
  public static SSLContext withExtraCertificates(List<X509Certificate> extra) {
    if (extra.isEmpty()) {
      throw new IllegalArgumentException("extra: no certificate; give at least one, or use the JVM's default trust");
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new EitherTrustManager(jvmDefault(), trusting(extra))}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS context for OpenID Connect providers", e);
    }
  }

  /** The JVM's default trust manager: its default trust store, as {@code HttpClient} would use. */
  static X509ExtendedTrustManager jvmDefault() throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    return x509(tmf);
  }

  /** A trust manager whose only trust anchors are {@code certificates}. */
  static X509ExtendedTrustManager trusting(List<X509Certificate> certificates) throws GeneralSecurityException {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    try {
      anchors.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an empty key store", e);
    }
    for (int i = 0; i < certificates.size(); i++) {
      anchors.setCertificateEntry("extra-" + i, certificates.get(i));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(anchors);
    return x509(tmf);
  }

  private static X509ExtendedTrustManager x509(TrustManagerFactory tmf) throws GeneralSecurityException {
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the " + tmf.getAlgorithm() + " trust manager factory has no X.509 trust manager");
  }
}
