package dev.lanyard.sdk.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that speaks IMDSv2 as the Lanyard agent will: tokens from {@code PUT
 * /latest/api/token} (TTL 1-21600, no {@code X-Forwarded-For}), then the role list and the role's
 * credentials for requests carrying a valid token.
 */
final class ImdsTestServer implements AutoCloseable {
  final List<String> requests = new CopyOnWriteArrayList<>();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  volatile String role = "app-role";
  volatile String code = "Success";
  volatile Instant expiration = Instant.parse("2026-06-01T12:00:00Z");

  ImdsTestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    if (exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
      respond(exchange, 403, "");
      return;
    }
    if (path.equals("/latest/api/token")) {
      String ttl = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds");
      if (!method.equals("PUT") || ttl == null || Integer.parseInt(ttl) < 1 || Integer.parseInt(ttl) > 21600) {
        respond(exchange, 400, "");
        return;
      }
      String token = "imds-token-" + tokens.size();
      tokens.add(token);
      respond(exchange, 200, token);
      return;
    }
    String token = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token");
    if (token == null || !tokens.contains(token)) {
      respond(exchange, 401, "");
      return;
    }
    String prefix = "/latest/meta-data/iam/security-credentials/";
    if (path.equals(prefix)) {
      respond(exchange, 200, role + "\n");
    } else if (path.equals(prefix + role)) {
      respond(exchange, 200, """
          {"Code": "%s", "LastUpdated": "2026-06-01T06:00:00Z", "Type": "AWS-HMAC",
           "AccessKeyId": "ASIAAGENT00000000001", "SecretAccessKey": "agent/secret",
           "Token": "agent-token", "Expiration": "%s"}
          """.formatted(code, expiration));
    } else {
      respond(exchange, 404, "");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
