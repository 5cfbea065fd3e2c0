package dev.lanyard.sts.federation.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import javax.net.ssl.SSLContext;

/**
 * The test OpenID Connect provider ({@link TestOidcProvider}: HTTPS on loopback with its own CA,
 * discovery, JWKS, real signatures), opened to tests outside this package, such as the end-to-end
 * tests of a running node. Tokens are RS256, signed with the provider's current RSA key.
 */
public final class OidcTestIssuer implements AutoCloseable {
  /** The client id the provider's tokens carry as {@code aud} by default. */
  public static final String CLIENT_ID = TestOidcProvider.CLIENT_ID;

  private final TestOidcProvider provider;
  private volatile RSAKey signing;

  public OidcTestIssuer() throws Exception {
    this.provider = new TestOidcProvider();
    this.signing = provider.rsa;
  }

  /** The issuer URL, {@code https://127.0.0.1:<port>}. */
  public String url() {
    return provider.url();
  }

  /** A TLS context trusting the provider's test CA (and nothing else). */
  public SSLContext clientTls() throws Exception {
    return provider.clientTls();
  }

  /** The provider's test CA certificate as PEM, for a node's {@code --oidc-ca-file}. */
  public String caCertificatePem() throws Exception {
    return TestCertificates.pem(provider.caCertificate());
  }

  /** The SHA-1 thumbprint of the test CA's certificate, as a provider record pins it. */
  public String caThumbprint() {
    return provider.caThumbprint();
  }

  /** Standard claims: this issuer, subject {@code repo:lanyard/app:ref:refs/heads/main}, aud the client id, valid 10 min. */
  public JWTClaimsSet.Builder claims(Instant now) {
    return provider.claims(now);
  }

  /** The claims signed RS256 with the current key. */
  public String sign(JWTClaimsSet claims) throws JOSEException {
    return TestOidcProvider.sign(signing, JWSAlgorithm.RS256, claims);
  }

  /** The claims signed RS256 with {@code key} (for example a key the provider rotated out). */
  public static String signWith(RSAKey key, JWTClaimsSet claims) throws JOSEException {
    return TestOidcProvider.sign(key, JWSAlgorithm.RS256, claims);
  }

  /** The current signing key. */
  public RSAKey signingKey() {
    return signing;
  }

  /** Publishes a new RSA key next to the old ones and signs with it from now on; returns the old key. */
  public RSAKey rotate() throws JOSEException {
    RSAKey old = signing;
    signing = provider.rotateRsa();
    return old;
  }

  /** Stops publishing the key with this kid. */
  public void retire(String kid) {
    provider.retire(kid);
  }

  /** How many times the JWKS was fetched. */
  public int jwksFetches() {
    return provider.jwksFetches.get();
  }

  /** Stops answering: connections are refused from now on. */
  public void down() {
    provider.down();
  }

  @Override
  public void close() {
    provider.close();
  }
}
