package dev.lanyard.sdk.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server publishing a JWKS at {@value SessionTokenVerifier#JWKS_PATH}, as a Lanyard
 * node does; tests change what it answers, hold its answers back and count its requests.
 */
final class JwksTestServer implements AutoCloseable {
  final AtomicInteger requests = new AtomicInteger();
  volatile String body;
  volatile int status = 200;
  /** When set, answers wait for it (or for the server to close). */
  volatile CountDownLatch gate;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  JwksTestServer(String body) throws IOException {
    this.body = body;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The issuer URL whose JWKS this server publishes. */
  String issuerUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  URI jwksUri() {
    return URI.create(issuerUrl() + SessionTokenVerifier.JWKS_PATH);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      CountDownLatch hold = gate;
      if (hold != null) {
        while (hold.getCount() > 0 && closing.getCount() > 0) {
          hold.await(10, TimeUnit.MILLISECONDS);
        }
      }
      if (!exchange.getRequestURI().getPath().equals(SessionTokenVerifier.JWKS_PATH)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      int code = status;
      if (code == 302) {
        exchange.getResponseHeaders().add("Location", issuerUrl() + "/elsewhere");
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(code, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
