package dev.lanyard.sts.federation.oidc;

import dev.lanyard.sdk.http.BoundedBody;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.model.OidcProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * One fetch of a provider's signing keys: the discovery document at
 * {@code <issuer>/.well-known/openid-configuration} (its {@code issuer} must equal the provider URL,
 * its {@code jwks_uri} must be https), then the JWKS, whose TLS server must match the provider's
 * thumbprints when it has any ({@link CertificatePins}). Only 200 responses are read, redirects are
 * not followed, connect and whole-response timeouts apply, bodies are capped. Every failure is
 * {@code IDPCommunicationError} naming the provider URL and the step; no response content is
 * echoed.
 */
final class ProviderKeyFetcher {
  static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

  private final HttpClient client;
  private final KeyFetchSettings settings;

  ProviderKeyFetcher(KeyFetchSettings settings, SSLContext sslContext) {
    this.settings = settings;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    this.client = builder.build();
  }

  /** Fetches discovery then JWKS and returns the provider's public RSA and EC signing keys. */
  List<JWK> fetch(OidcProvider provider) {
    String url = provider.url();
    Map<String, Object> discovery = json(url, "discovery document", get(url, discoveryUri(url), "discovery document").body());
    String issuer = string(url, discovery, "issuer");
    if (!url.equals(issuer)) {
      throw failure(url, "the discovery document's issuer does not equal the provider URL; it must be exactly " + url);
    }
    URI jwksUri = jwksUri(url, string(url, discovery, "jwks_uri"));
    HttpResponse<byte[]> jwks = get(url, jwksUri, "JWKS");
    if (!CertificatePins.accepts(provider.thumbprints(), peerCertificates(jwks))) {
      throw failure(url, "the TLS certificate of the JWKS server " + jwksUri.getHost() + " matches none of the provider's "
          + provider.thumbprints().size() + " thumbprints; accepted is the SHA-1 thumbprint of the top (last) or the"
          + " server certificate of the chain it presents");
    }
    JWKSet set;
    try {
      set = JWKSet.parse(new String(jwks.body(), StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw failure(url, "the JWKS at " + jwksUri + " is not a valid JSON Web Key Set");
    }
    List<JWK> keys = new ArrayList<>();
    for (JWK key : set.getKeys()) {
      if ((key instanceof RSAKey || key instanceof ECKey) && (key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))) {
        keys.add(key.toPublicJWK());
      }
    }
    if (keys.isEmpty()) {
      throw failure(url, "the JWKS at " + jwksUri + " holds no RSA or EC signing key");
    }
    return keys;
  }

  static URI discoveryUri(String issuer) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    try {
      return new URI(base + DISCOVERY_PATH);
    } catch (URISyntaxException e) {
      throw failure(issuer, "the provider URL is not a valid URI");
    }
  }

  private static URI jwksUri(String url, String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw failure(url, "the discovery document's jwks_uri is not a valid URI; an absolute https URL is accepted");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw failure(url, "the discovery document's jwks_uri is not an https URL with a host; only https is accepted");
    }
    return uri;
  }

  private HttpResponse<byte[]> get(String url, URI uri, String what) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.readTimeout())
        .header("Accept", "application/json")
        .GET()
        .build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, BoundedBody.handler(settings.maxResponseBytes()));
    HttpResponse<byte[]> response;
    try {
      // The request timeout stops at the headers; this bound covers the body too.
      response = pending.get(settings.connectTimeout().plus(settings.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw failure(url, "the " + what + " at " + uri + " did not arrive within " + settings.readTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(url, "fetching the " + what + " at " + uri + " was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String problem = cause instanceof BoundedBody.TooLarge
          ? "is larger than " + settings.maxResponseBytes() + " bytes, the most accepted"
          : "could not be fetched (" + cause.getClass().getSimpleName() + ")";
      throw failure(url, "the " + what + " at " + uri + " " + problem);
    }
    if (response.statusCode() != 200) {
      throw failure(url, "the " + what + " at " + uri + " answered HTTP " + response.statusCode() + "; only 200 is accepted");
    }
    return response;
  }

  private static Certificate[] peerCertificates(HttpResponse<?> response) {
    if (response.sslSession().isEmpty()) {
      return new Certificate[0];
    }
    try {
      return response.sslSession().get().getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return new Certificate[0];
    }
  }

  private static Map<String, Object> json(String url, String what, byte[] body) {
    try {
      return JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw failure(url, "the " + what + " is not a JSON object");
    }
  }

  private static String string(String url, Map<String, Object> document, String member) {
    try {
      String value = JSONObjectUtils.getString(document, member);
      if (value == null || value.isEmpty()) {
        throw failure(url, "the discovery document has no " + member + "; it must name one");
      }
      return value;
    } catch (ParseException e) {
      throw failure(url, "the discovery document's " + member + " is not a string");
    }
  }

  static LanyardException failure(String url, String problem) {
    return new LanyardException(AwsErrorCode.IDPCommunicationError,
        "OpenID Connect provider " + url + ": " + problem, true);
  }
}
