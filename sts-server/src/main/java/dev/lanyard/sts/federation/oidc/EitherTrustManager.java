package dev.lanyard.sts.federation.oidc;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a chain when either of two trust managers does: the first is asked, then the second.
 * Each check goes to the delegate's method of the same shape, so the delegates' endpoint
 * identification (the host name check that {@code HttpClient} asks for through the engine's
 * parameters) applies unchanged. When both refuse, the first refusal is thrown with the second
 * attached as suppressed.
 */
final class EitherTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager first;
  private final X509ExtendedTrustManager second;

  EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
    this.first = first;
    this.second = second;
  }

  /** One trust decision by one delegate. */
  @FunctionalInterface
  private interface Check {
    void run(X509ExtendedTrustManager delegate) throws CertificateException;
  }

  private void either(Check check) throws CertificateException {
    try {
      check.run(first);
    } catch (CertificateException refusedByFirst) {
      try {
        check.run(second);
      } catch (CertificateException refusedBySecond) {
        refusedByFirst.addSuppressed(refusedBySecond);
        throw refusedByFirst;
      }
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    either(d -> d.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    either(d -> d.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    either(d -> d.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    either(d -> d.checkClientTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    either(d -> d.checkClientTrusted(chain, authType, socket));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    either(d -> d.checkClientTrusted(chain, authType, engine));
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
        .distinct().toArray(X509Certificate[]::new);
  }
}
