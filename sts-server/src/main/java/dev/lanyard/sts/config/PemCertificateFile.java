package dev.lanyard.sts.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEM file of X.509 certificates ({@code -----BEGIN CERTIFICATE-----} blocks, text between and
 * around them ignored), such as a CA bundle. Other PEM blocks (a private key, say) are skipped, but
 * a file must hold at least one certificate, and every certificate block must decode.
 */
public final class PemCertificateFile {
  static final int MAX_BYTES = 1 << 20;
  /** What a good file is, for error messages. */
  static final String ACCEPTED = "a readable PEM file of one or more X.509 certificates"
      + " (-----BEGIN CERTIFICATE----- blocks), at most " + MAX_BYTES / 1024 + " KiB";
  private static final Pattern BLOCK = Pattern.compile("(?s)-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----");

  private PemCertificateFile() {}

  /** Why a file cannot be used; the message says what is wrong with it, never its content. */
  public static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String problem) {
      super(problem);
    }
  }

  /**
   * The certificates of the file a setting names.
   *
   * @param source where the value came from, e.g. {@code flag --oidc-ca-file}
   * @throws ConfigException naming the setting, the path, the source, the problem and what is accepted
   */
  public static List<X509Certificate> forSetting(Setting setting, Path file, String source) {
    try {
      return read(file);
    } catch (Unusable e) {
      throw new ConfigException("invalid " + setting.key() + " '" + file + "' (from " + source + "): "
          + e.getMessage() + "; expected " + ACCEPTED);
    }
  }

  /**
   * The certificates of {@code file}, in file order.
   *
   * @throws Unusable when the file is missing, unreadable, too large, not PEM, holds no
   *     certificate, or holds a certificate block that does not decode
   */
  public static List<X509Certificate> read(Path file) throws Unusable {
    if (!Files.exists(file)) {
      throw new Unusable("no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new Unusable("is not a regular file");
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new Unusable("is larger than " + MAX_BYTES / 1024 + " KiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Unusable("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return parse(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  static List<X509Certificate> parse(String text) throws Unusable {
    Matcher m = BLOCK.matcher(text);
    List<X509Certificate> certificates = new ArrayList<>();
    int blocks = 0;
    CertificateFactory factory = x509();
    while (m.find()) {
      blocks++;
      if (!m.group(1).equals("CERTIFICATE")) {
        continue;
      }
      try {
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      } catch (IllegalArgumentException | CertificateException e) {
        throw new Unusable("certificate block " + (certificates.size() + 1) + " is not a valid X.509 certificate");
      }
    }
    if (blocks == 0) {
      throw new Unusable(text.isBlank() ? "is empty" : "is not PEM (no -----BEGIN ...----- block)");
    }
    if (certificates.isEmpty()) {
      throw new Unusable("holds no certificate (only " + blocks + " other PEM block(s))");
    }
    return List.copyOf(certificates);
  }

  private static CertificateFactory x509() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JVM has no X.509 certificate factory", e);
    }
  }
}
