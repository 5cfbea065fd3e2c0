package dev.lanyard.sts.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.http.HealthReport;
import dev.lanyard.sts.metrics.ServerMetrics;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeHealthTest {
  private static final LanyardException DOWN = new LanyardException(AwsErrorCode.ServiceUnavailable,
      "the IAM store's database is unavailable (SQL state 08001); retry later", true);

  private final ServerMetrics metrics = new ServerMetrics("n1");
  private final StoreReachability reachability = new StoreReachability(metrics.registry(), "n1");
  private final HealthStatusManager grpcHealth = new HealthStatusManager();
  private final NodeHealth health = new NodeHealth("n1", reachability, grpcHealth, metrics);
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void startGrpc() throws IOException {
    String name = InProcessServerBuilder.generateName();
    BindableService service = grpcHealth.getHealthService();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stopGrpc() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  private ServingStatus grpc(String service) {
    return HealthGrpc.newBlockingStub(channel)
        .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
  }

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void startingIsNotReadyEverywhere() throws IOException {
    HealthReport report = health.report();
    assertFalse(report.ready());
    assertEquals("starting", report.status());
    assertEquals(-1, report.storeVersion());
    assertEquals(ServingStatus.NOT_SERVING, grpc(""));
    assertTrue(scrape().contains("lanyard_ready{node=\"n1\"} 0"));
    assertTrue(scrape().contains("lanyard_store_reachable{node=\"n1\"} 0"));
  }

  @Test
  void servingIsOkWhileTheStoreAnswersAndDegradedWhileItDoesNot() throws IOException {
    AtomicLong version = new AtomicLong(41);
    reachability.succeeded();
    health.serving(version::get);
    version.set(42);
    assertEquals(new HealthReport(true, "ok", "n1", 42), health.report());
    assertEquals(ServingStatus.SERVING, grpc(""));
    assertEquals(ServingStatus.SERVING, grpc(NodeHealth.STORE_SERVICE));
    assertTrue(scrape().contains("lanyard_store_reachable{node=\"n1\"} 1"));

    reachability.failed(DOWN);
    assertEquals(new HealthReport(true, "degraded", "n1", 42), health.report());
    assertEquals(ServingStatus.SERVING, grpc(""), "a degraded node still serves");
    assertEquals(ServingStatus.NOT_SERVING, grpc(NodeHealth.STORE_SERVICE));
    assertTrue(scrape().contains("lanyard_store_reachable{node=\"n1\"} 0"));
    assertTrue(scrape().contains("lanyard_ready{node=\"n1\"} 1"));

    reachability.succeeded();
    assertEquals("ok", health.report().status());
    assertEquals(ServingStatus.SERVING, grpc(NodeHealth.STORE_SERVICE));
  }

  @Test
  void stoppingAndFailedAreNotReady() {
    health.failed();
    assertEquals(new HealthReport(false, "failed", "n1", -1), health.report());
    health.stopping();
    assertEquals("stopping", health.report().status());
    health.serving(() -> 1);
    assertFalse(health.ready(), "a stopping node never becomes ready again");
  }

  @Test
  void reachabilityTellsListenersOnlyOfChanges() {
    List<Boolean> seen = new ArrayList<>();
    StoreReachability r = new StoreReachability(new ServerMetrics("n2").registry(), "n2");
    r.onChange(seen::add);
    r.failed(DOWN);
    r.succeeded();
    r.succeeded();
    r.failed(DOWN);
    r.failed(new IllegalStateException("x"));
    assertEquals(List.of(true, false), seen);
    assertFalse(r.reachable());
  }
}
