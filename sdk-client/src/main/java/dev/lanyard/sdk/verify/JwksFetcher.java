package dev.lanyard.sdk.verify;

import dev.lanyard.sdk.http.BoundedBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * One GET of the server's JWKS with the JDK HTTP client: HTTP/1.1, no redirects, a connect timeout
 * and a bound on the whole response, bodies capped, only 200 read. Failures name the URL and the
 * step, never response content.
 */
final class JwksFetcher {
  private final URI uri;
  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final int maxBytes;

  JwksFetcher(URI uri, Duration connectTimeout, Duration responseTimeout, int maxBytes,
      SSLContext sslContext) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.connectTimeout = connectTimeout;
    this.responseTimeout = responseTimeout;
    this.maxBytes = maxBytes;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout);
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    this.client = builder.build();
  }

  URI uri() {
    return uri;
  }

  /**
   * The key set now published.
   *
   * @throws IllegalStateException naming the URL and the problem when it cannot be had
   */
  PublishedKeys fetch() {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(responseTimeout)
        .header("Accept", "application/json")
        .GET()
        .build();
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, BoundedBody.handler(maxBytes));
    HttpResponse<byte[]> response;
    try {
      // The request timeout stops at the headers; this bound covers the body too.
      response = pending.get(connectTimeout.plus(responseTimeout).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw failure("did not arrive within " + connectTimeout.plus(responseTimeout).toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw failure("was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw failure(cause instanceof BoundedBody.TooLarge
          ? "is larger than " + maxBytes + " bytes, the most accepted"
          : "could not be fetched (" + cause.getClass().getSimpleName() + ")");
    }
    if (response.statusCode() != 200) {
      throw failure("answered HTTP " + response.statusCode() + "; only 200 is accepted");
    }
    try {
      return PublishedKeys.parse(new String(response.body(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw failure("is unusable: " + e.getMessage());
    }
  }

  private IllegalStateException failure(String problem) {
    return new IllegalStateException("the JWKS at " + uri + " " + problem);
  }
}
