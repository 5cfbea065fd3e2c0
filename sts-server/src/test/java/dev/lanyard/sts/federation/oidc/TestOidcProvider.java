package dev.lanyard.sts.federation.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.lanyard.sts.store.model.OidcProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real OpenID Connect provider for tests: an HTTPS server on 127.0.0.1 with a test CA and a leaf
 * certificate (chain leaf, CA), serving discovery and a JWKS, signing tokens with its own RSA and EC
 * keys. It can rotate and retire keys, answer errors, hold the JWKS response, and go down.
 */
final class TestOidcProvider implements AutoCloseable {
  static final String CLIENT_ID = "lanyard-test-client";

  /** Keys are costly to make: made once per JVM and handed out in turn. */
  private static final List<RSAKey> RSA_POOL = new CopyOnWriteArrayList<>();
  private static final AtomicInteger RSA_NEXT = new AtomicInteger();

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final X509Certificate caCertificate;
  private final X509Certificate leafCertificate;
  private final String url;
  private final List<JWK> published = new CopyOnWriteArrayList<>();
  private final List<CountDownLatch> heldResponses = new CopyOnWriteArrayList<>();
  final AtomicInteger discoveryFetches = new AtomicInteger();
  final AtomicInteger jwksFetches = new AtomicInteger();
  volatile String discoveryIssuer;
  volatile String jwksUri;
  volatile int jwksStatus = 200;
  volatile byte[] jwksBody;
  volatile CountDownLatch jwksGate;
  final CountDownLatch jwksRequested = new CountDownLatch(1);

  final RSAKey rsa;
  final ECKey ec256;
  final ECKey ec384;
  final ECKey ec521;

  TestOidcProvider() throws Exception {
    KeyPair caKeys = ecKeyPair();
    KeyPair leafKeys = ecKeyPair();
    X500Name caName = new X500Name("CN=Lanyard Test CA");
    caCertificate = certificate(caName, caKeys, caName, caKeys, true);
    leafCertificate = certificate(caName, caKeys, new X500Name("CN=127.0.0.1"), leafKeys, false);

    KeyStore serverStore = KeyStore.getInstance("PKCS12");
    serverStore.load(null, null);
    char[] password = "test".toCharArray();
    serverStore.setKeyEntry("tls", leafKeys.getPrivate(), password,
        new java.security.cert.Certificate[] {leafCertificate, caCertificate});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(serverStore, password);
    SSLContext serverSsl = SSLContext.getInstance("TLS");
    serverSsl.init(kmf.getKeyManagers(), null, null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverSsl));
    server.setExecutor(executor);
    server.createContext(ProviderKeyFetcher.DISCOVERY_PATH, this::discovery);
    server.createContext("/jwks", this::jwks);
    server.start();
    url = "https://127.0.0.1:" + server.getAddress().getPort();
    discoveryIssuer = url;
    jwksUri = url + "/jwks";

    rsa = nextRsa();
    ec256 = new ECKeyGenerator(Curve.P_256).keyID("ec256").generate();
    ec384 = new ECKeyGenerator(Curve.P_384).keyID("ec384").generate();
    ec521 = new ECKeyGenerator(Curve.P_521).keyID("ec521").generate();
    published.addAll(List.of(rsa.toPublicJWK(), ec256.toPublicJWK(), ec384.toPublicJWK(), ec521.toPublicJWK()));
  }

  /** A 2048-bit RSA key with a fresh kid (from a pool of pregenerated keys). */
  static RSAKey nextRsa() throws JOSEException {
    int n = RSA_NEXT.getAndIncrement();
    while (RSA_POOL.size() <= n % 6) {
      RSA_POOL.add(new RSAKeyGenerator(2048).generate());
    }
    RSAKey base = RSA_POOL.get(n % 6);
    return new RSAKey.Builder(base.toRSAPublicKey()).privateKey(base.toRSAPrivateKey()).keyID("rsa-" + n).build();
  }

  /** A key of the attacker's own: never published by any provider. */
  static RSAKey attackerRsa(String kid) throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(kid).generate();
  }

  String url() {
    return url;
  }

  /** The provider record as the IAM store would hold it. */
  OidcProvider record(String... thumbprints) {
    String bare = url.substring("https://".length());
    return new OidcProvider("123456789012", "arn:aws:iam::123456789012:oidc-provider/" + bare, url,
        List.of(CLIENT_ID, "other-client"), List.of(thumbprints), List.of(), Instant.EPOCH, 1);
  }

  /** A client TLS context that trusts this provider's test CA (and nothing else). */
  SSLContext clientTls() throws Exception {
    return TestCertificates.clientTrusting(caCertificate);
  }

  /** The test CA's certificate, the trust anchor of this provider's TLS chain. */
  X509Certificate caCertificate() {
    return caCertificate;
  }

  String caThumbprint() {
    return CertificatePins.thumbprint(caCertificate);
  }

  String leafThumbprint() {
    return CertificatePins.thumbprint(leafCertificate);
  }

  /** Standard claims: this issuer, a subject, the test client as audience, issued now, valid 10 minutes. */
  JWTClaimsSet.Builder claims(Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(url)
        .subject("repo:lanyard/app:ref:refs/heads/main")
        .audience(CLIENT_ID)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  /** Signs claims with a key under the algorithm, with the key's kid. */
  static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) throws JOSEException {
    return sign(key, new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
  }

  static String sign(JWK key, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(header, claims);
    JWSSigner signer = key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
    jwt.sign(signer);
    return jwt.serialize();
  }

  /** Publishes a new RSA key next to the current ones and returns it (with its private part). */
  RSAKey rotateRsa() throws JOSEException {
    RSAKey next = nextRsa();
    published.add(0, next.toPublicJWK());
    return next;
  }

  /** Stops publishing the key with this kid. */
  void retire(String kid) {
    published.removeIf(k -> kid.equals(k.getKeyID()));
  }

  /** Answers JWKS requests only once {@link #releaseJwks()} is called. */
  void holdJwks() {
    jwksGate = new CountDownLatch(1);
    heldResponses.add(jwksGate);
  }

  void releaseJwks() {
    jwksGate.countDown();
  }

  /** Stops the server: connections are refused from now on. */
  void down() {
    server.stop(0);
  }

  @Override
  public void close() {
    heldResponses.forEach(CountDownLatch::countDown);
    server.stop(0);
    executor.shutdownNow();
  }

  private void discovery(HttpExchange exchange) throws IOException {
    discoveryFetches.incrementAndGet();
    String body = "{\"issuer\":\"" + discoveryIssuer + "\",\"jwks_uri\":\"" + jwksUri
        + "\",\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}";
    respond(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
  }

  private void jwks(HttpExchange exchange) throws IOException {
    jwksFetches.incrementAndGet();
    jwksRequested.countDown();
    CountDownLatch gate = jwksGate;
    if (gate != null) {
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = jwksBody != null ? jwksBody
        : new JWKSet(new ArrayList<>(published)).toString().getBytes(StandardCharsets.UTF_8);
    respond(exchange, jwksStatus, body);
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys,
      boolean ca) throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
        BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(System.nanoTime() & 0xffff)),
        Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), subject, subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (!ca) {
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    }
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }
}
