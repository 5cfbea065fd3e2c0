package dev.lanyard.sdk.credentials;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP exchange of the local credential endpoints (container endpoint, agent): HTTP/1.1, short
 * timeouts, no redirects, answers other than 200 reported by status only (bodies may hold secrets).
 */
final class LocalHttp {
  private final HttpClient client;
  private final Duration timeout;

  LocalHttp(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .build();
  }

  HttpRequest.Builder request(java.net.URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout);
  }

  /** The body of a 200 answer. */
  String send(HttpRequest request, String source) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CredentialsUnavailableException(source + ": " + request.method() + " " + request.uri()
          + " failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialsUnavailableException(source + ": interrupted while calling " + request.uri(), e);
    }
    if (response.statusCode() != 200) {
      throw new CredentialsUnavailableException(source + ": " + request.method() + " " + request.uri()
          + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }
}
