package dev.lanyard.load.idp;

import com.nimbusds.jose.JOSEException;
import dev.lanyard.sts.config.PrivateFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the load generator's identity provider keeps its material between runs, so that nodes
 * started trusting it keep trusting it: {@code DIR/idp.p12} (PKCS12, mode 0600: the TLS key and
 * certificate under {@code tls}, the token signing key under {@code token-signing}) and
 * {@code DIR/idp-ca.pem} (the TLS certificate, for a node's {@code --oidc-ca-file}). Created on
 * first use with a certificate valid for {@value #VALIDITY_DAYS} days, read afterwards. The key
 * store's password is fixed and not a secret: the file's mode is its protection, as for a node's
 * key-encryption key file.
 */
public final class IdpDirectory {
  public static final String KEY_STORE = "idp.p12";
  public static final String CA_FILE = "idp-ca.pem";
  static final int VALIDITY_DAYS = 365;
  private static final char[] PASSWORD = "lanyard-load-idp".toCharArray();
  private static final String TLS = "tls";
  private static final String TOKEN_SIGNING = "token-signing";

  private IdpDirectory() {}

  /** The material of {@code dir}, whether this call created it, and its CA file. */
  public record Opened(IdpMaterial material, boolean created, Path caFile) {}

  /** The path of the certificate file a node is started with ({@code --oidc-ca-file}). */
  public static Path caFile(Path dir) {
    return dir.resolve(CA_FILE);
  }

  /**
   * Reads the material in {@code dir}, or creates it there when the folder holds no key store yet.
   * The CA file is (re)written from the key store when missing or different.
   *
   * @throws IOException naming the file and what to do when the key store cannot be used
   */
  public static Opened openOrCreate(Path dir) throws IOException {
    Path store = dir.resolve(KEY_STORE);
    boolean created = !Files.exists(store);
    IdpMaterial material;
    if (created) {
      Files.createDirectories(dir);
      material = create(store);
    } else {
      material = read(store);
    }
    Path ca = caFile(dir);
    String pem = material.certificatePem();
    if (!Files.exists(ca) || !Files.readString(ca).equals(pem)) {
      Files.writeString(ca, pem);
    }
    return new Opened(material, created, ca);
  }

  private static IdpMaterial create(Path store) throws IOException {
    try {
      IdpMaterial material = IdpMaterial.generate(Duration.ofDays(VALIDITY_DAYS));
      KeyPair signing = new KeyPair(material.signingKey().toRSAPublicKey(), material.signingKey().toRSAPrivateKey());
      Instant now = Instant.now();
      X509Certificate signingCertificate = SelfSignedCertificates.selfSigned(signing,
          "Lanyard loopback IdP token signing", false, now.minus(SelfSignedCertificates.ONE_DAY), now.plus(Duration.ofDays(VALIDITY_DAYS)));
      KeyStore keys = IdpMaterial.emptyStore();
      keys.setKeyEntry(TLS, material.tlsKey(), PASSWORD, new Certificate[] {material.certificate()});
      keys.setKeyEntry(TOKEN_SIGNING, signing.getPrivate(), PASSWORD, new Certificate[] {signingCertificate});
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      keys.store(bytes, PASSWORD);
      PrivateFiles.write(store, bytes.toByteArray());
      return material;
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IOException("--idp-dir: cannot create the IdP's keys in " + store + " (" + e.getClass().getSimpleName()
          + ")", e);
    }
  }

  private static IdpMaterial read(Path store) throws IOException {
    String remedy = "; delete " + store.getParent() + " and run --init-idp again, then restart the nodes with its new "
        + CA_FILE;
    KeyStore keys;
    try {
      keys = KeyStore.getInstance("PKCS12");
      keys.load(new ByteArrayInputStream(Files.readAllBytes(store)), PASSWORD);
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException("--idp-dir: " + store + " is not the load generator's IdP key store ("
          + e.getClass().getSimpleName() + ")" + remedy, e);
    }
    try {
      Key tlsKey = keys.getKey(TLS, PASSWORD);
      Certificate tlsCertificate = keys.getCertificate(TLS);
      Key signingKey = keys.getKey(TOKEN_SIGNING, PASSWORD);
      Certificate signingCertificate = keys.getCertificate(TOKEN_SIGNING);
      if (!(tlsKey instanceof PrivateKey tlsPrivate) || !(tlsCertificate instanceof X509Certificate certificate)
          || !(signingKey instanceof RSAPrivateKey signingPrivate)
          || signingCertificate == null || !(signingCertificate.getPublicKey() instanceof RSAPublicKey signingPublic)) {
        throw new IOException("--idp-dir: " + store + " lacks the entries " + TLS + " and " + TOKEN_SIGNING
            + " (a private key and certificate each, RSA for " + TOKEN_SIGNING + ")" + remedy);
      }
      try {
        certificate.checkValidity();
      } catch (CertificateException e) {
        throw new IOException("--idp-dir: the IdP certificate in " + store + " is valid from "
            + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
            + ", which excludes now" + remedy, e);
      }
      return new IdpMaterial(tlsPrivate, certificate, signingPublic, signingPrivate);
    } catch (GeneralSecurityException e) {
      throw new IOException("--idp-dir: the keys in " + store + " cannot be read (" + e.getClass().getSimpleName() + ")"
          + remedy, e);
    }
  }
}
