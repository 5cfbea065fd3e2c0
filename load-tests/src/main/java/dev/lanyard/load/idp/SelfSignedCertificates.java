package dev.lanyard.load.idp;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * RSA-2048 key pairs and self-signed certificates for the loopback identity providers of the
 * benchmarks and the load generator. A loopback certificate names {@code 127.0.0.1} and
 * {@code localhost} as subject alternative names, so that HTTPS clients verify the host either way.
 */
public final class SelfSignedCertificates {
  /** The validity of {@link #selfSigned(KeyPair, String, boolean)}: a day either side of now. */
  static final Duration ONE_DAY = Duration.ofDays(1);

  private SelfSignedCertificates() {}

  public static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** A self-signed certificate for {@code keys}, valid a day either side of now, for loopback when {@code loopback}. */
  public static X509Certificate selfSigned(KeyPair keys, String commonName, boolean loopback)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    return selfSigned(keys, commonName, loopback, now.minus(ONE_DAY), now.plus(ONE_DAY));
  }

  /** A self-signed SHA256withRSA certificate for {@code keys}, valid from {@code notBefore} to {@code notAfter}. */
  public static X509Certificate selfSigned(KeyPair keys, String commonName, boolean loopback, Instant notBefore,
      Instant notAfter) throws GeneralSecurityException {
    X500Name name = new X500Name("CN=" + commonName);
    BigInteger serial = BigInteger.valueOf(Instant.now().toEpochMilli()).shiftLeft(16)
        .add(BigInteger.valueOf(System.nanoTime() & 0xffff));
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(notBefore),
        Date.from(notAfter), name, keys.getPublic());
    try {
      if (loopback) {
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException("cannot make a self-signed certificate for CN=" + commonName, e);
    }
  }
}
