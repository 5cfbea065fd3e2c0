package dev.lanyard.sdk.verify;

import static dev.lanyard.sdk.verify.SessionClaimsFixture.ISSUER;
import static dev.lanyard.sdk.verify.SessionClaimsFixture.roleSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.sdk.credentials.cache.MutableClock;
import dev.lanyard.sdk.verify.SessionTokenRejectedException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the verifier fetches, keeps and refetches the issuer's keys. */
class KeyRefreshTest {
  private static final Instant ISSUED = Instant.parse("2025-06-01T12:00:00Z");
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
  private static final Duration MAX_AGE = Duration.ofHours(1);

  private final TestSigner first = TestSigner.ed25519("key-1");
  private final TestSigner second = TestSigner.ed25519("key-2");
  private final MutableClock clock = new MutableClock(ISSUED.plusSeconds(1));
  private JwksTestServer jwks;

  @BeforeEach
  void start() throws Exception {
    jwks = new JwksTestServer(TestSigner.jwks(first));
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  private SessionTokenVerifier.Builder verifier() {
    return SessionTokenVerifier.builder(jwks.jwksUri(), ISSUER).clock(clock)
        .minRefetchInterval(MIN_INTERVAL).maxKeyAge(MAX_AGE).clockSkew(Duration.ofMinutes(5));
  }

  private static SessionTokenRejectedException refusal(SessionTokenVerifier v, String token) {
    return assertThrows(SessionTokenRejectedException.class, () -> v.verify(token));
  }

  @Test
  void anUnknownKidRefetchesAndFindsTheRotatedKey() throws Exception {
    SessionTokenVerifier v = verifier().build();
    v.verify(first.sign(roleSession(ISSUED)));
    v.verify(first.sign(roleSession(ISSUED)));
    assertEquals(1, jwks.requests.get(), "a known key is served from the cache");

    jwks.body = TestSigner.jwks(first, second);
    clock.advance(MIN_INTERVAL);
    assertEquals("key-2", v.verify(second.sign(roleSession(ISSUED))).signingKeyId());
    assertEquals(2, jwks.requests.get());
    v.verify(first.sign(roleSession(ISSUED)));
    assertEquals(2, jwks.requests.get());
  }

  @Test
  void unknownKidsRefetchAtMostOncePerInterval() throws Exception {
    SessionTokenVerifier v = verifier().build();
    v.verify(first.sign(roleSession(ISSUED)));
    jwks.body = TestSigner.jwks(first, second);

    clock.advance(MIN_INTERVAL.minusSeconds(1));
    for (int i = 0; i < 5; i++) {
      assertEquals(Reason.UNKNOWN_KEY, refusal(v, TestSigner.ed25519("made-up-" + i).sign(roleSession(ISSUED))).reason());
    }
    assertEquals(Reason.UNKNOWN_KEY, refusal(v, second.sign(roleSession(ISSUED))).reason(),
        "within the interval the new key is not fetched");
    assertEquals(1, jwks.requests.get());

    clock.advance(Duration.ofSeconds(1));
    v.verify(second.sign(roleSession(ISSUED)));
    assertEquals(2, jwks.requests.get());
  }

  @Test
  void anOldKeySetIsFetchedAgainAndAFailedFetchKeepsTheLastGoodOne() throws Exception {
    SessionTokenVerifier v = verifier().build();
    v.verify(first.sign(roleSession(ISSUED)));

    jwks.status = 503;
    clock.advance(MAX_AGE);
    v.verify(first.sign(roleSession(ISSUED)));
    assertEquals(2, jwks.requests.get(), "an old set is fetched again");
    v.verify(first.sign(roleSession(ISSUED)));
    assertEquals(2, jwks.requests.get(), "after a failure, no new attempt within the interval");

    jwks.status = 200;
    jwks.body = TestSigner.jwks(second);
    clock.advance(MIN_INTERVAL);
    assertEquals(Reason.UNKNOWN_KEY, refusal(v, first.sign(roleSession(ISSUED))).reason(),
        "a key the issuer stopped publishing is dropped once the set is fetched again");
    assertEquals(3, jwks.requests.get());
  }

  @Test
  void withoutAnyKeySetTokensCannotBeCheckedAndTheReasonSaysWhy() throws Exception {
    jwks.status = 500;
    SessionTokenVerifier v = verifier().build();
    SessionTokenRejectedException e = refusal(v, first.sign(roleSession(ISSUED)));
    assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains(jwks.jwksUri().toString()) && e.getMessage().contains("HTTP 500"),
        e.getMessage());
    assertEquals(Reason.KEYS_UNAVAILABLE, refusal(v, first.sign(roleSession(ISSUED))).reason());
    assertEquals(1, jwks.requests.get());

    jwks.status = 200;
    clock.advance(MIN_INTERVAL);
    v.verify(first.sign(roleSession(ISSUED)));
    assertEquals(2, jwks.requests.get());
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    SessionTokenVerifier v = verifier().build();
    CountDownLatch gate = new CountDownLatch(1);
    jwks.gate = gate;
    String token = first.sign(roleSession(ISSUED));
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<VerifiedSessionToken>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> v.verify(token)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (jwks.requests.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(100); // let the other callers reach the in-flight fetch
      gate.countDown();
      for (Future<VerifiedSessionToken> result : results) {
        assertEquals("key-1", result.get(10, TimeUnit.SECONDS).signingKeyId());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, jwks.requests.get());
  }

  @Test
  void aJwksLargerThanTheLimitIsRefused() throws Exception {
    StringBuilder padded = new StringBuilder(TestSigner.jwks(first));
    padded.insert(1, " ".repeat(2048));
    jwks.body = padded.toString();
    SessionTokenRejectedException e = refusal(verifier().maxJwksBytes(1024).build(), first.sign(roleSession(ISSUED)));
    assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
    assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());

    verifier().maxJwksBytes(4096).build().verify(first.sign(roleSession(ISSUED)));
  }

  @Test
  void aSlowServerTimesOut() throws Exception {
    jwks.gate = new CountDownLatch(1);
    SessionTokenVerifier v = verifier().connectTimeout(Duration.ofMillis(200))
        .responseTimeout(Duration.ofMillis(200)).build();
    long started = System.nanoTime();
    SessionTokenRejectedException e = refusal(v, first.sign(roleSession(ISSUED)));
    assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "the fetch is bounded");
    assertFalse(e.getMessage().contains("key-1"));
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    jwks.status = 302;
    SessionTokenRejectedException e = refusal(verifier().build(), first.sign(roleSession(ISSUED)));
    assertEquals(Reason.KEYS_UNAVAILABLE, e.reason());
    assertTrue(e.getMessage().contains("HTTP 302"), e.getMessage());
  }
}
