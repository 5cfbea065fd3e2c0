package dev.lanyard.sts.federation.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.keys.MutableClock;
import dev.lanyard.sts.store.model.OidcProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching, caching, refetching and pinning provider keys against a real HTTPS provider. */
class OidcProviderKeysTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private TestOidcProvider idp;
  private MutableClock clock;
  private OidcProviderKeys keys;
  private WebIdentityTokenVerifier verifier;
  private RegisteredProviders registered;

  @BeforeEach
  void start() throws Exception {
    idp = new TestOidcProvider();
    clock = new MutableClock(NOW);
    keys = new OidcProviderKeys(KeyFetchSettings.defaults(), clock, idp.clientTls());
    verifier = new WebIdentityTokenVerifier(keys, clock);
    registered = RegisteredProviders.of(List.of(idp.record()));
  }

  @AfterEach
  void stop() {
    idp.close();
  }

  private String token(RSAKey key) throws Exception {
    return TestOidcProvider.sign(key, JWSAlgorithm.RS256, idp.claims(clock.instant()).build());
  }

  private AwsErrorCode codeOf(Runnable call) {
    return assertThrows(LanyardException.class, call::run).code();
  }

  @Test
  void keysAreFetchedOnceAndServedFromTheCacheUntilTheTtl() throws Exception {
    for (int i = 0; i < 5; i++) {
      verifier.verify(token(idp.rsa), registered);
    }
    assertEquals(1, idp.discoveryFetches.get());
    assertEquals(1, idp.jwksFetches.get());

    clock.advance(Duration.ofMinutes(59));
    verifier.verify(token(idp.rsa), registered);
    assertEquals(1, idp.jwksFetches.get());

    clock.advance(Duration.ofMinutes(2));
    verifier.verify(token(idp.rsa), registered);
    assertEquals(2, idp.jwksFetches.get(), "fetched again after the one-hour TTL");
  }

  @Test
  void keyRotationWhileTokensAreInFlightRefusesNoValidToken() throws Exception {
    List<String> inFlight = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      inFlight.add(token(idp.rsa));
    }
    verifier.verify(inFlight.get(0), registered);

    RSAKey next = idp.rotateRsa();
    List<String> newTokens = List.of(token(next), token(next), token(next));
    for (int i = 0; i < 3; i++) {
      verifier.verify(newTokens.get(i), registered);
      verifier.verify(inFlight.get(i), registered);
    }
    assertEquals(2, idp.jwksFetches.get(), "the new kid caused exactly one refetch");

    idp.retire(idp.rsa.getKeyID());
    clock.advance(Duration.ofMinutes(61));
    verifier.verify(token(next), registered);
    String retired = token(idp.rsa);
    assertEquals(AwsErrorCode.InvalidIdentityToken, codeOf(() -> verifier.verify(retired, registered)));
  }

  @Test
  void unknownKidsRefetchAtMostOncePerIntervalWithOneFetchInFlight() throws Exception {
    verifier.verify(token(idp.rsa), registered);
    assertEquals(1, idp.jwksFetches.get());

    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger refused = new AtomicInteger();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String forged = TestOidcProvider.sign(idp.rsa, new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(UUID.randomUUID().toString()).build(), idp.claims(NOW).build());
        done.add(pool.submit(() -> {
          try {
            verifier.verify(forged, registered);
          } catch (LanyardException e) {
            if (e.code() == AwsErrorCode.InvalidIdentityToken) {
              refused.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(50, refused.get());
    assertEquals(2, idp.jwksFetches.get(), "one refetch for 50 unknown kids");

    clock.advance(Duration.ofSeconds(61));
    String another = TestOidcProvider.sign(idp.rsa, new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID("yet-another").build(), idp.claims(NOW).build());
    assertEquals(AwsErrorCode.InvalidIdentityToken, codeOf(() -> verifier.verify(another, registered)));
    assertEquals(3, idp.jwksFetches.get(), "the next interval allows one more");
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    idp.holdJwks();
    OidcProvider provider = idp.record();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ProviderKeySet>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> keys.current(provider)));
      }
      assertTrue(idp.jwksRequested.await(10, TimeUnit.SECONDS));
      Thread.sleep(200); // let the other callers reach the in-flight fetch
      idp.releaseJwks();
      ProviderKeySet first = results.get(0).get(10, TimeUnit.SECONDS);
      for (Future<ProviderKeySet> result : results) {
        assertSame(first, result.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, idp.jwksFetches.get());
    assertEquals(1, idp.discoveryFetches.get());
  }

  @Test
  void aProviderThatGoesDownKeepsServingItsLastGoodKeys() throws Exception {
    verifier.verify(token(idp.rsa), registered);
    idp.down();
    clock.advance(Duration.ofHours(3));
    verifier.verify(token(idp.rsa), registered);
    assertEquals(1, idp.jwksFetches.get());
  }

  @Test
  void aProviderThatIsDownWithNoKeysIsIdpCommunicationError() throws Exception {
    idp.down();
    String token = token(idp.rsa);
    LanyardException e = assertThrows(LanyardException.class, () -> verifier.verify(token, registered));
    assertEquals(AwsErrorCode.IDPCommunicationError, e.code());
    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains(idp.url()), e.getMessage());
  }

  @Test
  void afterAFailureNoNewAttemptIsMadeWithinTheInterval() throws Exception {
    idp.jwksStatus = 500;
    OidcProvider provider = idp.record();
    LanyardException e = assertThrows(LanyardException.class, () -> keys.current(provider));
    assertEquals(AwsErrorCode.IDPCommunicationError, e.code());
    assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    assertThrows(LanyardException.class, () -> keys.current(provider));
    assertThrows(LanyardException.class, () -> keys.refetch(provider));
    assertEquals(1, idp.jwksFetches.get());

    idp.jwksStatus = 200;
    clock.advance(Duration.ofSeconds(61));
    assertEquals(4, keys.current(provider).keys().size());
    assertEquals(2, idp.jwksFetches.get());
  }

  @Test
  void theDiscoveryIssuerMustEqualTheProviderUrl() {
    idp.discoveryIssuer = idp.url() + "/other";
    LanyardException e = assertThrows(LanyardException.class, () -> keys.current(idp.record()));
    assertEquals(AwsErrorCode.IDPCommunicationError, e.code());
    assertTrue(e.getMessage().contains("issuer"), e.getMessage());
    assertEquals(0, idp.jwksFetches.get());
  }

  @Test
  void theJwksUriMustBeHttps() {
    idp.jwksUri = "http://127.0.0.1:1/jwks";
    LanyardException e = assertThrows(LanyardException.class, () -> keys.current(idp.record()));
    assertEquals(AwsErrorCode.IDPCommunicationError, e.code());
    assertTrue(e.getMessage().contains("https"), e.getMessage());
  }

  @Test
  void oversizedAndMalformedKeySetsAreRefused() throws Exception {
    KeyFetchSettings small = new KeyFetchSettings(Duration.ofHours(1), Duration.ZERO, Duration.ofSeconds(3),
        Duration.ofSeconds(5), 4096);
    OidcProviderKeys limited = new OidcProviderKeys(small, clock, idp.clientTls());
    idp.jwksBody = ("{\"keys\":[],\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
    LanyardException tooLarge = assertThrows(LanyardException.class, () -> limited.current(idp.record()));
    assertTrue(tooLarge.getMessage().contains("larger than 4096 bytes"), tooLarge.getMessage());

    idp.jwksBody = "not json".getBytes(StandardCharsets.UTF_8);
    LanyardException malformed = assertThrows(LanyardException.class, () -> limited.current(idp.record()));
    assertTrue(malformed.getMessage().contains("not a valid JSON Web Key Set"), malformed.getMessage());

    idp.jwksBody = "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0\"}]}".getBytes(StandardCharsets.UTF_8);
    LanyardException symmetric = assertThrows(LanyardException.class, () -> limited.current(idp.record()));
    assertTrue(symmetric.getMessage().contains("no RSA or EC signing key"), symmetric.getMessage());
  }

  @Test
  void aSlowProviderTimesOut() throws Exception {
    idp.holdJwks();
    KeyFetchSettings quick = new KeyFetchSettings(Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofMillis(500),
        Duration.ofMillis(500), 1 << 20);
    OidcProviderKeys impatient = new OidcProviderKeys(quick, clock, idp.clientTls());
    long started = System.nanoTime();
    LanyardException e = assertThrows(LanyardException.class, () -> impatient.current(idp.record()));
    assertEquals(AwsErrorCode.IDPCommunicationError, e.code());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5_000);
  }

  @Test
  void aServerTheTrustStoreDoesNotTrustIsRefused() throws Exception {
    SSLContext jvmDefault = SSLContext.getDefault();
    OidcProviderKeys untrusting = new OidcProviderKeys(KeyFetchSettings.defaults(), clock, jvmDefault);
    LanyardException e = assertThrows(LanyardException.class, () -> untrusting.current(idp.record()));
    assertEquals(AwsErrorCode.IDPCommunicationError, e.code());
  }

  @Test
  void thumbprintsPinTheTopOrLeafCertificateOfTheJwksServer() throws Exception {
    assertEquals(4, keys.current(idp.record(idp.caThumbprint().toUpperCase(Locale.ROOT))).keys().size());
    assertEquals(4, keys.current(idp.record("0000000000000000000000000000000000000000", idp.leafThumbprint())).keys().size());
  }

  @Test
  void aThumbprintMismatchIsRefused() throws Exception {
    OidcProvider pinnedElsewhere = idp.record("0123456789abcdef0123456789abcdef01234567");
    LanyardException e = assertThrows(LanyardException.class, () -> keys.current(pinnedElsewhere));
    assertEquals(AwsErrorCode.IDPCommunicationError, e.code());
    assertTrue(e.getMessage().contains("thumbprints"), e.getMessage());

    String token = token(idp.rsa);
    RegisteredProviders pinned = RegisteredProviders.of(List.of(pinnedElsewhere));
    assertEquals(AwsErrorCode.IDPCommunicationError, codeOf(() -> verifier.verify(token, pinned)));
  }

  @Test
  void keysFetchedUnderOnePinSetAreNotReusedUnderAnother() throws Exception {
    keys.current(idp.record());
    assertEquals(1, idp.jwksFetches.get());
    OidcProvider pinnedElsewhere = idp.record("0123456789abcdef0123456789abcdef01234567");
    assertThrows(LanyardException.class, () -> keys.current(pinnedElsewhere));
    assertEquals(2, idp.jwksFetches.get());
  }
}
