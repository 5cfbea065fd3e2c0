package dev.lanyard.sts.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Serves a JSON document produced on demand (the JWKS, the discovery document), GET and HEAD only.
 * The JWKS may be cached by clients for a short while, so it says so.
 */
public final class StaticJsonHandler implements HttpHandler {
  private final Supplier<String> body;
  private final int maxAgeSeconds;

  public StaticJsonHandler(Supplier<String> body, int maxAgeSeconds) {
    this.body = body;
    this.maxAgeSeconds = maxAgeSeconds;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      HttpFrontDoor.sendJson(exchange, 405, "{\"error\":\"MethodNotAllowed\",\"message\":\"use GET\"}");
      return;
    }
    byte[] bytes = body.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "public, max-age=" + maxAgeSeconds);
    if (method.equals("HEAD")) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
