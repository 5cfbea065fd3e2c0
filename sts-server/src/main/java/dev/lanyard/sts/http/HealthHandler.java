package dev.lanyard.sts.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.Supplier;

/** {@code GET /healthz}: 200 when ready, 503 when not, with a {@link HealthReport} as JSON. */
public final class HealthHandler implements HttpHandler {
  private final Supplier<HealthReport> health;

  public HealthHandler(Supplier<HealthReport> health) {
    this.health = health;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HealthReport report = health.get();
    HttpFrontDoor.sendJson(exchange, report.ready() ? 200 : 503, report.toJson());
  }
}
