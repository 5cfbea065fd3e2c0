package dev.lanyard.sts.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * The server's HTTP port, on the JDK's own HTTP server ({@code jdk.httpserver}), plain or HTTPS:
 * routes by exact path to handlers registered before {@link #start()}. Unknown paths answer 404 as
 * JSON; a handler that throws answers 500 without detail (the cause is logged).
 */
public final class HttpFrontDoor implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpFrontDoor.class.getName());

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

  public HttpFrontDoor(String bind, int port, int threads) throws IOException {
    this(bind, port, threads, null);
  }

  /** @param tls the server's TLS context for HTTPS, or null for plain HTTP */
  public HttpFrontDoor(String bind, int port, int threads, SSLContext tls) throws IOException {
    NoDelay.enable();
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (tls == null) {
      this.server = HttpServer.create(address, 512);
    } else {
      HttpsServer https = HttpsServer.create(address, 512);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      this.server = https;
    }
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "lanyard-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
  }

  /** Serves {@code path} (exact match, query string ignored) with {@code handler}. */
  public HttpFrontDoor route(String path, HttpHandler handler) {
    routes.put(path, handler);
    return this;
  }

  public void start() {
    server.start();
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpHandler handler = routes.get(exchange.getRequestURI().getPath());
      if (handler == null) {
        sendJson(exchange, 404, "{\"error\":\"NotFound\",\"message\":\"no such path\"}");
        return;
      }
      try {
        handler.handle(exchange);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "HTTP handler for " + exchange.getRequestURI().getPath() + " failed", e);
        if (exchange.getResponseCode() == -1) {
          sendJson(exchange, 500, "{\"error\":\"InternalFailure\",\"message\":\"internal error\"}");
        }
      }
    }
  }

  /** Writes a complete JSON response. */
  public static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json", json);
  }

  /** Writes a complete response with a fixed length. */
  public static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
