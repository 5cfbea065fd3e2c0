package dev.lanyard.sdk.credentials;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.client.RetrySettings;
import dev.lanyard.sdk.client.StsTestServer;
import dev.lanyard.sdk.credentials.cache.CachingCredentialsProvider;
import dev.lanyard.sdk.credentials.cache.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * AssumeRole behind the cache while the STS goes away and comes back: valid credentials keep being
 * served, stale ones never, and refresh resumes on its own.
 */
class StsOutageTest {
  private final MutableClock clock = new MutableClock(Instant.now());
  private final Queue<Runnable> background = new ArrayDeque<>();

  @Test
  void servesThroughAnOutageAndResumesWhenTheServerReturns() throws Exception {
    StsTestServer sts = new StsTestServer(clock, Duration.ofHours(1));
    int port = sts.port();
    LanyardClientFactory clients = LanyardClientFactory.from(() -> LanyardClient.builder()
        .endpoints(sts.endpoint()).tls(ClientTls.plaintextConnections())
        .retry(new RetrySettings(2, Duration.ofMillis(1), Duration.ofMillis(5))).deadline(Duration.ofSeconds(2)));
    AssumeRoleCredentialsProvider assumeRole = AssumeRoleCredentialsProvider.create(clients,
        new StaticCredentialsProvider(Credentials.longTerm("AKIAOUTAGETEST000001", "s")),
        AssumeRoleRequest.newBuilder().setRoleArn("arn:aws:iam::123456789012:role/app").setRoleSessionName("o").build(),
        null);
    try (CachingCredentialsProvider cache = CachingCredentialsProvider.builder(assumeRole)
        .clock(clock).random(() -> 0L).executor(background::add).build()) {
      Credentials first = cache.resolve();
      sts.close();

      clock.set(first.expiration().minus(Duration.ofMinutes(5)));
      int failedRefreshes = 0;
      while (clock.instant().isBefore(first.expiration().minus(Duration.ofMinutes(1)))) {
        assertSame(first, cache.resolve());
        failedRefreshes += runBackground();
        clock.advance(Duration.ofSeconds(10));
      }
      assertTrue(failedRefreshes >= 3, "refreshes were attempted during the outage: " + failedRefreshes);
      assertThrows(CredentialsUnavailableException.class, cache::resolve, "stale credentials are not served");

      try (StsTestServer back = new StsTestServer(clock, Duration.ofHours(1), port)) {
        Credentials recovered = null;
        for (int i = 0; i < 100 && recovered == null; i++) {
          clock.advance(Duration.ofSeconds(31)); // past any backoff
          try {
            recovered = cache.resolve();
          } catch (CredentialsUnavailableException stillReconnecting) {
            Thread.sleep(100);
          }
        }
        assertNotEquals(null, recovered, "refresh resumed after the server came back");
        assertTrue(recovered.expiration().isAfter(first.expiration()), "freshly issued by the returned server");
        assertTrue(back.calls().size() >= 1);
      }
    }
  }

  private int runBackground() {
    int ran = 0;
    Runnable task;
    while ((task = background.poll()) != null) {
      task.run();
      ran++;
    }
    return ran;
  }
}
