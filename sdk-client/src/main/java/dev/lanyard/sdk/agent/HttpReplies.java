package dev.lanyard.sdk.agent;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing the local endpoints' answers: fixed-length bodies, no caching, bodies never logged. */
final class HttpReplies {
  static final String TEXT = "text/plain";
  static final String JSON = "application/json";

  private HttpReplies() {}

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    drain(exchange.getRequestBody());
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("Cache-Control", "no-store");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
    exchange.close();
  }

  static void text(HttpExchange exchange, int status, String body) throws IOException {
    send(exchange, status, TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[512];
    while (in.read(buffer) >= 0) {
      // discard: the endpoints take no request bodies
    }
  }
}
