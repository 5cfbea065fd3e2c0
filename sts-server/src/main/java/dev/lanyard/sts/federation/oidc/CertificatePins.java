package dev.lanyard.sts.federation.oidc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Thumbprint pinning of the TLS server that serves a provider's JWKS, as AWS IAM OIDC providers
 * define thumbprints: the SHA-1 of a certificate's DER encoding, 40 hex digits, compared without
 * regard to case.
 *
 * <p>A pin matches when it equals the thumbprint of the <em>last</em> certificate of the chain the
 * server presented (its top intermediate or root CA, AWS's definition, which survives leaf
 * renewals) or of the server's own (leaf) certificate. Pins add to, never replace, the normal chain
 * validation against the JVM's trust store (and the node's {@code --oidc-ca-file}, {@link
 * ProviderTlsTrust}): a server must be trusted and pinned. A provider record
 * without thumbprints is not pinned.
 */
final class CertificatePins {
  private CertificatePins() {
  }

  /** True when {@code pins} is empty or one of them matches the leaf or the top of {@code chain}. */
  static boolean accepts(List<String> pins, Certificate[] chain) {
    if (pins.isEmpty()) {
      return true;
    }
    if (chain == null || chain.length == 0) {
      return false;
    }
    String leaf = thumbprint(chain[0]);
    String top = thumbprint(chain[chain.length - 1]);
    for (String pin : pins) {
      String wanted = pin.toLowerCase(Locale.ROOT);
      if (wanted.equals(leaf) || wanted.equals(top)) {
        return true;
      }
    }
    return false;
  }

  /** The SHA-1 thumbprint of a certificate, lower-case hex. */
  static String thumbprint(Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot compute a certificate's SHA-1 thumbprint", e);
    }
  }
}
