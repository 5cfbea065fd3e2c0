package dev.lanyard.sts.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.authz.v1.Decision;
import dev.lanyard.proto.common.v1.ErrorDetail;
import dev.lanyard.proto.iam.v1.CreateUserRequest;
import dev.lanyard.proto.iam.v1.PutUserPolicyRequest;
import dev.lanyard.proto.sts.v1.GetCallerIdentityRequest;
import dev.lanyard.proto.sts.v1.GetSessionTokenRequest;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sts.store.Change;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PostgreSQL going away under load: nodes A and B reach it through a {@link TcpProxy} the test
 * cuts; node D reaches it directly (the "other path"). While cut, A and B issue and authorise from
 * memory, refuse writes at once with a retryable ServiceUnavailable and report degraded; once
 * restored they catch up by themselves, and nothing written is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreOutageTest {
  private PostgresTestDatabase db;
  private TcpProxy proxy;
  private Path dir;
  private ClusterNode direct;
  private ClusterNode a;
  private ClusterNode b;
  private Credentials root;
  private ClusterFixture fixture;

  @BeforeAll
  void startCluster() throws Exception {
    db = PostgresTestDatabase.create();
    proxy = new TcpProxy(db.host(), db.port());
    dir = Files.createTempDirectory("lanyard-outage");
    direct = ClusterNode.start("node-d", db.url(), dir, dir.resolve("kek"));
    String viaProxy = db.urlVia("127.0.0.1", proxy.port());
    a = ClusterNode.start("node-a", viaProxy, dir, dir.resolve("kek"));
    b = ClusterNode.start("node-b", viaProxy, dir, dir.resolve("kek"));
    root = ClusterNode.rootCredentials(dir, "node-d");
    fixture = ClusterFixture.create(direct, root);
  }

  @AfterAll
  void stopCluster() {
    for (ClusterNode n : new ClusterNode[] {a, b, direct}) {
      if (n != null) {
        n.close();
      }
    }
    if (proxy != null) {
      proxy.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  @Order(1)
  void nodesServeFromMemoryWhileTheStoreIsCutAndCatchUpWhenItReturns() throws Exception {
    ClusterNode[] proxied = {a, b};
    for (ClusterNode n : proxied) {
      warm(n);
    }
    List<Change> before = direct.server.store().changesSince(0, 10_000);

    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int offset = t;
      running.add(clients.submit(() -> {
        for (int i = offset; !stop.get(); i++) {
          ClusterNode issuer = proxied[i % 2];
          ClusterNode user = proxied[(i + 1) % 2];
          try {
            Credentials session = session(issuer);
            user.sts(session).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
            Decision d = ClusterFixture.decide(user, root, session.sessionToken(), "s3:GetObject",
                "arn:aws:s3:::bucket/x");
            if (d != Decision.ALLOW) {
              throw new AssertionError("decision " + d);
            }
            calls.addAndGet(3);
          } catch (StatusRuntimeException | AssertionError e) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, issuer.name + "->" + user.name + ": " + e.getMessage());
          }
        }
      }));
    }
    Thread.sleep(500);
    proxy.cut();
    long cutAt = System.nanoTime();
    for (ClusterNode n : proxied) {
      ClusterFixture.millisUntil(cutAt, 10_000, () -> health(n).body().contains("\"status\":\"degraded\""));
      HttpResponse<String> health = health(n);
      assertEquals(200, health.statusCode(), "a degraded node stays ready");
      assertTrue(health.body().contains("\"ready\":true"), health.body());
      assertTrue(n.get("/metrics").body().contains("lanyard_store_reachable{node=\"" + n.name + "\"} 0"));
      var grpcHealth = HealthGrpc.newBlockingStub(n.channel());
      assertEquals(ServingStatus.SERVING, grpcHealth.check(HealthCheckRequest.getDefaultInstance()).getStatus());
      assertEquals(ServingStatus.NOT_SERVING, grpcHealth.check(HealthCheckRequest.newBuilder()
          .setService(NodeHealth.STORE_SERVICE).build()).getStatus());
    }

    long writeStart = System.nanoTime();
    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> a.iam(root)
        .createUser(CreateUserRequest.newBuilder().setUserName("lost-write").build()));
    double writeMillis = (System.nanoTime() - writeStart) / 1e6;
    assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
    ErrorDetail detail = ClusterFixture.errorDetail(refused).orElseThrow();
    assertEquals("ServiceUnavailable", detail.getCode());
    assertTrue(detail.getRetryable(), "the refused write is retryable");
    assertTrue(writeMillis < 3_000, "a write fails fast while the store is cut: " + writeMillis + " ms");

    // Meanwhile the store changes through the other path.
    direct.iam(root).createUser(CreateUserRequest.newBuilder().setUserName("written-during-outage").build());
    direct.iam(root).putUserPolicy(PutUserPolicyRequest.newBuilder().setUserName(ClusterFixture.USER)
        .setPolicyName("outage").setPolicyDocument(ClusterFixture.policy("Allow", "s3:PutObject",
            "arn:aws:s3:::bucket/*", null)).build());
    Credentials held = session(a);
    assertEquals(Decision.IMPLICIT_DENY, ClusterFixture.decide(a, root, held.sessionToken(),
        "s3:PutObject", "arn:aws:s3:::bucket/y"), "a cut node cannot see the new policy yet");
    Thread.sleep(1_000);

    proxy.restore();
    long restoredAt = System.nanoTime();
    for (ClusterNode n : proxied) {
      double ms = ClusterFixture.millisUntil(restoredAt, 15_000, () -> health(n).body().contains("\"status\":\"ok\""));
      ClusterFixture.millisUntil(restoredAt, 15_000, () -> ClusterFixture.decide(n, root,
          held.sessionToken(), "s3:PutObject", "arn:aws:s3:::bucket/y") == Decision.ALLOW);
      System.out.printf("%s reported ok %.0f ms after the store returned%n", n.name, ms);
    }
    Thread.sleep(300);
    stop.set(true);
    for (Future<?> f : running) {
      f.get();
    }
    clients.shutdown();
    assertEquals(0, failures.get(), () -> failures.get() + " of " + calls.get()
        + " calls failed; first: " + firstFailure.get());
    assertTrue(calls.get() > 30, "clients ran during the outage: " + calls.get());

    List<Change> after = direct.server.store().changesSince(0, 10_000);
    assertEquals(before, after.subList(0, before.size()), "every change from before is still there");
    List<String> added = after.subList(before.size(), after.size()).stream()
        .map(c -> c.kind() + ":" + c.entityName()).toList();
    assertTrue(added.contains("USER:written-during-outage"), added.toString());
    assertFalse(added.stream().anyMatch(c -> c.contains("lost-write")), "the refused write left nothing");
    assertTrue(direct.server.store().users().get(fixture.accountId, "lost-write").isEmpty());
    assertTrue(a.server.store().users().get(fixture.accountId, "written-during-outage").isPresent());
  }

  @Test
  @Order(2)
  void aNodeStartedWhileTheStoreIsCutIsNotReadyThenServesOnceItReturns() throws Exception {
    proxy.cut();
    try (ClusterNode late = ClusterNode.start("node-e", db.urlVia("127.0.0.1", proxy.port()), dir,
        dir.resolve("kek"))) {
      HttpResponse<String> health = health(late);
      assertEquals(503, health.statusCode());
      assertTrue(health.body().contains("\"status\":\"starting\""), health.body());
      assertTrue(late.get("/metrics").body().contains("lanyard_ready{node=\"node-e\"} 0"));
      Thread.sleep(700);
      assertEquals(503, health(late).statusCode(), "still not ready while the store is cut");
      assertFalse(late.server.ready());

      proxy.restore();
      long restoredAt = System.nanoTime();
      double ms = ClusterFixture.millisUntil(restoredAt, 15_000, () -> health(late).statusCode() == 200);
      System.out.printf("node-e ready %.0f ms after the store returned%n", ms);
      assertTrue(health(late).body().contains("\"status\":\"ok\""));
      String arn = late.sts(fixture.worker).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance())
          .getArn();
      assertTrue(arn.endsWith(":user/" + ClusterFixture.USER), arn);
      late.sts(session(a)).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
    } finally {
      proxy.restore();
    }
  }

  private void warm(ClusterNode n) {
    Credentials s = session(n);
    n.sts(s).getCallerIdentity(GetCallerIdentityRequest.getDefaultInstance());
    assertEquals(Decision.ALLOW, ClusterFixture.decide(n, root, s.sessionToken(), "s3:GetObject",
        "arn:aws:s3:::bucket/x"));
    assertEquals(Decision.IMPLICIT_DENY, ClusterFixture.decide(n, root, s.sessionToken(),
        "s3:PutObject", "arn:aws:s3:::bucket/y"));
  }

  private Credentials session(ClusterNode n) {
    var c = n.sts(fixture.worker).getSessionToken(GetSessionTokenRequest.newBuilder()
        .setDurationSeconds(900).build()).getCredentials();
    return Credentials.session(c.getAccessKeyId(), c.getSecretAccessKey(), c.getSessionToken(), null);
  }

  private static HttpResponse<String> health(ClusterNode n) {
    try {
      return n.get("/healthz");
    } catch (Exception e) {
      throw new AssertionError("GET /healthz on " + n.name + " failed", e);
    }
  }
}
