package dev.lanyard.load.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * An OpenID Connect provider on loopback HTTPS, {@code https://127.0.0.1:<port>}: it serves its
 * discovery document and a JWKS with its one RS256 key ({@link IdpMaterial}), and signs ID tokens
 * with that key. A node fetches the keys once and then works from its cache, so the provider
 * serves few requests (one thread is enough).
 */
public final class LoopbackOidcProvider implements AutoCloseable {
  private final HttpsServer server;
  private final IdpMaterial material;
  private final String url;
  private final RSASSASigner signer;

  private LoopbackOidcProvider(HttpsServer server, IdpMaterial material) {
    this.server = server;
    this.material = material;
    this.url = "https://127.0.0.1:" + server.getAddress().getPort();
    try {
      this.signer = new RSASSASigner(material.signingKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("the token signing key cannot sign RS256", e);
    }
    String discovery = "{\"issuer\":\"" + url + "\",\"jwks_uri\":\"" + url + "/jwks\","
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    String jwks = new JWKSet(material.signingKey().toPublicJWK()).toString();
    server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
    server.createContext("/jwks", exchange -> respond(exchange, jwks));
  }

  /**
   * Starts the provider on {@code 127.0.0.1:port} (0: any free port).
   *
   * @throws IOException when the port cannot be bound, naming it
   */
  public static LoopbackOidcProvider start(IdpMaterial material, int port) throws IOException {
    HttpsServer server;
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    } catch (BindException e) {
      throw new IOException("--idp-port: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
          + "); stop what listens there or give another --idp-port", e);
    }
    try {
      server.setHttpsConfigurator(new HttpsConfigurator(material.serverTls()));
    } catch (GeneralSecurityException e) {
      server.stop(0);
      throw new IOException("the IdP's TLS key and certificate cannot serve TLS (" + e.getClass().getSimpleName() + ")",
          e);
    }
    LoopbackOidcProvider provider = new LoopbackOidcProvider(server, material);
    server.start();
    return provider;
  }

  /** The issuer URL, {@code https://127.0.0.1:<port>}. */
  public String url() {
    return url;
  }

  public IdpMaterial material() {
    return material;
  }

  /**
   * An RS256 ID token: this issuer, {@code sub} and {@code aud} as given, issued (and valid from)
   * {@code now} for {@code lifetime}, with a unique {@code jti}.
   */
  public String token(String subject, String audience, Instant now, Duration lifetime) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(url).subject(subject).audience(audience)
        .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString()).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(material.signingKey().getKeyID())
        .build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an ID token with the IdP's RS256 key", e);
    }
    return jwt.serialize();
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
