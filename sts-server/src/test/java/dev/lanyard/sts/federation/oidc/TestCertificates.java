package dev.lanyard.sts.federation.oidc;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed test certificates (EC P-256, valid a day either side of now), their PEM form, and
 * client TLS contexts that trust exactly one of them.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestCertificates() {}

  /** A fresh self-signed CA certificate named {@code CN=<commonName>}. */
  public static X509Certificate selfSigned(String commonName) throws Exception {
    return selfSigned("CN=" + commonName, Extension.basicConstraints, true, new BasicConstraints(true)).certificate();
  }

  /** A certificate and the key pair it certifies. */
  public record Issued(X509Certificate certificate, KeyPair keys) {
    /** The private key as an unencrypted PKCS#8 PEM block, as a server's key file holds it. */
    public String privateKeyPem() {
      return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
          .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }
  }

  /** A fresh self-signed server certificate for the IP address {@code ip} (its subject alternative name). */
  public static Issued selfSignedServer(String ip) throws Exception {
    return selfSigned("CN=" + ip, Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, ip)));
  }

  private static Issued selfSigned(String subject, ASN1ObjectIdentifier extension, boolean critical,
      ASN1Encodable value) throws Exception {
    KeyPair keys = ecKeys();
    X500Name name = new X500Name(subject);
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minusSeconds(86_400)), Date.from(now.plusSeconds(86_400)), name, keys.getPublic());
    builder.addExtension(extension, critical, value);
    return new Issued(new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))), keys);
  }

  /** Trust managers that trust {@code anchor} and nothing else. */
  public static TrustManager[] trusting(X509Certificate anchor) throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("anchor", anchor);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    return tmf.getTrustManagers();
  }

  /** A client TLS context that trusts {@code anchor} and nothing else. */
  public static SSLContext clientTrusting(X509Certificate anchor) throws GeneralSecurityException, IOException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trusting(anchor), null);
    return context;
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** The certificates as consecutive PEM blocks. */
  public static String pem(X509Certificate... certificates) throws CertificateEncodingException {
    StringBuilder out = new StringBuilder();
    Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
    for (X509Certificate c : certificates) {
      out.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(c.getEncoded()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return out.toString();
  }
}
