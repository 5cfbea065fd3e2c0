package dev.lanyard.load.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a loopback OpenID Connect provider is made of: its TLS key and self-signed certificate
 * (for {@code 127.0.0.1} and {@code localhost}; the certificate is also the trust anchor a node is
 * given), and the RSA key that signs its ID tokens, published with a key id that is the key's JWK
 * thumbprint. {@link #toString()} shows the certificate's thumbprint and the key id only.
 */
public final class IdpMaterial {
  private final PrivateKey tlsKey;
  private final X509Certificate certificate;
  private final RSAKey signingKey;

  IdpMaterial(PrivateKey tlsKey, X509Certificate certificate, RSAPublicKey signingPublic,
      RSAPrivateKey signingPrivate) {
    this.tlsKey = tlsKey;
    this.certificate = certificate;
    try {
      this.signingKey = new RSAKey.Builder(signingPublic).privateKey(signingPrivate).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot compute the JWK thumbprint of the token signing key", e);
    }
  }

  /** Fresh material whose certificate is valid from a day ago for {@code validity}. */
  public static IdpMaterial generate(Duration validity) throws GeneralSecurityException {
    KeyPair tls = SelfSignedCertificates.rsa();
    Instant now = Instant.now();
    X509Certificate certificate = SelfSignedCertificates.selfSigned(tls, "Lanyard loopback IdP", true,
        now.minus(SelfSignedCertificates.ONE_DAY), now.plus(validity));
    KeyPair signing = SelfSignedCertificates.rsa();
    return new IdpMaterial(tls.getPrivate(), certificate, (RSAPublicKey) signing.getPublic(),
        (RSAPrivateKey) signing.getPrivate());
  }

  /** The TLS certificate, self-signed: a node trusts the provider by trusting it. */
  public X509Certificate certificate() {
    return certificate;
  }

  PrivateKey tlsKey() {
    return tlsKey;
  }

  /** The token signing key, private part included. */
  RSAKey signingKey() {
    return signingKey;
  }

  /** The SHA-1 thumbprint of the certificate, lower-case hex: the provider's pin in IAM. */
  public String thumbprint() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot compute the certificate's SHA-1 thumbprint", e);
    }
  }

  /** The certificate as one PEM block. */
  public String certificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the certificate", e);
    }
  }

  /** The server side of the provider's TLS. */
  SSLContext serverTls() throws GeneralSecurityException {
    KeyStore store = emptyStore();
    char[] password = "in-memory".toCharArray();
    store.setKeyEntry("tls", tlsKey, password, new Certificate[] {certificate});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  /** A client TLS context trusting this provider's certificate only. */
  public SSLContext clientTls() throws GeneralSecurityException {
    KeyStore trust = emptyStore();
    trust.setCertificateEntry("provider", certificate);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an empty PKCS12 key store", e);
    }
    return store;
  }

  @Override
  public String toString() {
    return "IdpMaterial[certificate sha1 " + thumbprint() + ", token key " + signingKey.getKeyID() + "]";
  }
}
