package dev.lanyard.sts.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.proto.iam.v1.IamServiceGrpc;
import dev.lanyard.proto.iam.v1.ListUsersRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.StaticCredentialsProvider;
import dev.lanyard.sdk.signing.grpc.SigV4ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three nodes as separate JVM processes on one PostgreSQL database; clients use the SDK's
 * multi-endpoint {@link LanyardClient}. One node is killed with SIGKILL under load: no call fails
 * (calls caught on the dead node are retried on another), and the store is unchanged.
 */
class NodeKillTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final List<Process> processes = new ArrayList<>();
  private PostgresTestDatabase db;

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void clientsCarryOnWhenANodeIsKilledUnderLoad() throws Exception {
    db = PostgresTestDatabase.create();
    Path dir = Files.createTempDirectory("lanyard-kill");
    int[][] ports = new int[3][];
    for (int i = 0; i < 3; i++) {
      ports[i] = new int[] {freePort(), freePort()};
    }
    processes.add(startNode(dir, 0, ports[0]));
    awaitReady(ports[0][1]);
    processes.add(startNode(dir, 1, ports[1]));
    processes.add(startNode(dir, 2, ports[2]));
    awaitReady(ports[1][1]);
    awaitReady(ports[2][1]);

    JsonNode rootFile = new ObjectMapper().readTree(
        Files.readString(dir.resolve("node-0").resolve("root-credentials.json")));
    Credentials root = Credentials.longTerm(rootFile.get("accessKeyId").asText(),
        rootFile.get("secretAccessKey").asText());
    ManagedChannel admin = NettyChannelBuilder.forAddress("127.0.0.1", ports[2][0]).usePlaintext().build();
    IamServiceGrpc.IamServiceBlockingStub iam = IamServiceGrpc.newBlockingStub(admin)
        .withInterceptors(SigV4ClientInterceptor.create(() -> root))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
    ClusterFixture fixture = ClusterFixture.create(iam, rootFile.get("accountId").asText());
    String usersBefore = iam.listUsers(ListUsersRequest.getDefaultInstance()).toString();

    String endpoints = "127.0.0.1:" + ports[0][0] + ",127.0.0.1:" + ports[1][0] + ",127.0.0.1:" + ports[2][0];
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    try (LanyardClient client = LanyardClient.builder().endpoints(endpoints)
        .tls(ClientTls.plaintextConnections())
        .credentials(new StaticCredentialsProvider(fixture.worker)).build()) {
      for (int t = 0; t < 4; t++) {
        running.add(clients.submit(() -> {
          for (int i = 0; !stop.get(); i++) {
            try {
              client.assumeRole(AssumeRoleRequest.newBuilder().setRoleArn(fixture.roleArn)
                  .setRoleSessionName("load-" + i).build());
              client.getCallerIdentity();
              calls.addAndGet(2);
            } catch (RuntimeException e) {
              failures.incrementAndGet();
              firstFailure.compareAndSet(null, e.toString());
            }
          }
        }));
      }
      Thread.sleep(1_500);
      int beforeKill = calls.get();
      Process victim = processes.get(1);
      victim.destroyForcibly(); // SIGKILL
      assertEquals(137, victim.waitFor(), "killed with SIGKILL");
      Thread.sleep(2_000);
      stop.set(true);
      for (Future<?> f : running) {
        f.get();
      }
      clients.shutdown();
      assertTrue(beforeKill > 0 && calls.get() > beforeKill, "load ran before and after the kill");
    }
    assertEquals(0, failures.get(), () -> failures.get() + " of " + (calls.get() + failures.get())
        + " calls failed; first: " + firstFailure.get());
    assertEquals(usersBefore, IamServiceGrpc.newBlockingStub(admin)
        .withInterceptors(SigV4ClientInterceptor.create(() -> root))
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .listUsers(ListUsersRequest.getDefaultInstance()).toString(), "the store is unchanged");
    admin.shutdownNow();
  }

  private Process startNode(Path dir, int index, int[] ports) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
        "dev.lanyard.sts.LanyardServerMain",
        "--store", db.url(), "--node-id", "node-" + index,
        "--grpc-port", Integer.toString(ports[0]), "--http-port", Integer.toString(ports[1]),
        "--data-dir", dir.resolve("node-" + index).toString(),
        "--kek-file", dir.resolve("kek").toString(),
        "--issuer", "https://sts.cluster.test");
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("node-" + index + ".log").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("LANYARD_"));
    return pb.start();
  }

  private static void awaitReady(int httpPort) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + httpPort + "/healthz")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("node on HTTP port " + httpPort + " not ready within 60 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
