package dev.lanyard.sdk.credentials.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.sdk.credentials.cache.RefreshDecision.Action;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {
  private static final Instant EXPIRES = Instant.parse("2026-05-01T12:00:00Z");
  private final RefreshPolicy policy = new RefreshPolicy(RefreshSettings.DEFAULTS);

  private RefreshDecision at(Duration beforeExpiry, Instant lastAttempt, int failures, double jitter) {
    return policy.decide(EXPIRES.minus(beforeExpiry), EXPIRES, lastAttempt, failures, jitter);
  }

  @Test
  void servesUntilThePrefetchWindowAndSaysWhenToLookAgain() {
    RefreshDecision decision = at(Duration.ofMinutes(30), null, 0, 0.0);
    assertEquals(Action.SERVE, decision.action());
    assertEquals(EXPIRES.minus(Duration.ofMinutes(5)), decision.nextCheck());
  }

  @Test
  void refreshesInTheBackgroundInThePrefetchWindow() {
    assertEquals(Action.REFRESH_IN_BACKGROUND, at(Duration.ofMinutes(5), null, 0, 0.0).action());
    assertEquals(Action.REFRESH_IN_BACKGROUND, at(Duration.ofSeconds(61), null, 0, 0.0).action());
  }

  @Test
  void jitterMovesThePrefetchTimeLaterByUpToItsMaximum() {
    assertEquals(EXPIRES.minus(Duration.ofMinutes(5)), policy.prefetchAt(EXPIRES, 0.0));
    assertEquals(EXPIRES.minus(Duration.ofMinutes(4)).minusMillis(60), policy.prefetchAt(EXPIRES, 0.999));
    assertEquals(Action.SERVE, at(Duration.ofMinutes(4).plusSeconds(31), null, 0, 0.5).action());
    assertEquals(Action.REFRESH_IN_BACKGROUND, at(Duration.ofMinutes(4).plusSeconds(29), null, 0, 0.5).action());
  }

  @Test
  void staleCredentialsMakeCallersWait() {
    assertEquals(Action.REFRESH_AND_WAIT, at(Duration.ofMinutes(1), null, 0, 0.0).action());
    assertEquals(Action.REFRESH_AND_WAIT, at(Duration.ZERO, null, 0, 0.0).action());
    assertEquals(Action.REFRESH_AND_WAIT, at(Duration.ofHours(-1), null, 0, 0.0).action());
  }

  @Test
  void aFailureInThePrefetchWindowBacksOffAndKeepsServing() {
    Instant now = EXPIRES.minus(Duration.ofMinutes(4));
    Instant failedAt = now.minusMillis(100);
    RefreshDecision decision = policy.decide(now, EXPIRES, failedAt, 1, 0.0);
    assertEquals(Action.SERVE, decision.action());
    assertEquals(failedAt.plus(Duration.ofMillis(500)), decision.nextCheck()); // half of 1 s at jitter 0
    assertEquals(Action.REFRESH_IN_BACKGROUND,
        policy.decide(failedAt.plusMillis(500), EXPIRES, failedAt, 1, 0.0).action());
  }

  @Test
  void backoffNeverServesPastTheStaleTime() {
    Instant now = EXPIRES.minus(Duration.ofSeconds(65));
    RefreshDecision decision = policy.decide(now, EXPIRES, now, 10, 0.9);
    assertEquals(Action.SERVE, decision.action());
    assertEquals(EXPIRES.minus(Duration.ofMinutes(1)), decision.nextCheck());
  }

  @Test
  void staleAndBackingOffFailsFastUntilTheBackoffEnds() {
    Instant now = EXPIRES.minusSeconds(30);
    RefreshDecision decision = policy.decide(now, EXPIRES, now.minusMillis(200), 2, 0.0);
    assertEquals(Action.FAIL_UNTIL_BACKOFF_ENDS, decision.action());
    assertEquals(now.minusMillis(200).plusSeconds(1), decision.nextCheck()); // 2 s ceiling, half at jitter 0
    assertEquals(Action.REFRESH_AND_WAIT,
        policy.decide(now.plusSeconds(1), EXPIRES, now.minusMillis(200), 2, 0.0).action());
  }

  @Test
  void backoffIsExponentialCappedAndJittered() {
    assertEquals(Duration.ZERO, policy.backoff(0, 0.5));
    assertEquals(Duration.ofMillis(500), policy.backoff(1, 0.0));
    assertEquals(Duration.ofMillis(1000), policy.backoff(2, 0.0));
    assertEquals(Duration.ofMillis(3000), policy.backoff(3, 0.5)); // 4 s ceiling: 2 s + 0.5 * 2 s
    assertEquals(Duration.ofSeconds(15), policy.backoff(6, 0.0)); // 32 s capped to 30 s
    assertEquals(Duration.ofSeconds(15), policy.backoff(1000, 0.0));
  }

  @Test
  void withoutCredentialsFetchesUnlessBackingOff() {
    Instant now = EXPIRES;
    assertEquals(Action.REFRESH_AND_WAIT, policy.decideWithoutCredentials(now, null, 0, 0.3).action());
    assertEquals(Action.FAIL_UNTIL_BACKOFF_ENDS, policy.decideWithoutCredentials(now, now, 1, 0.3).action());
    assertEquals(Action.REFRESH_AND_WAIT, policy.decideWithoutCredentials(now.plusSeconds(1), now, 1, 0.3).action());
  }

  @Test
  void nonExpiringCredentialsAreServedForever() {
    RefreshDecision decision = policy.decide(EXPIRES, null, null, 0, 0.0);
    assertEquals(Action.SERVE, decision.action());
    assertEquals(Instant.MAX, decision.nextCheck());
  }

  @Test
  void rejectsJitterOutsideTheUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> policy.decide(EXPIRES, EXPIRES, null, 0, 1.0));
    assertThrows(IllegalArgumentException.class, () -> policy.decide(EXPIRES, EXPIRES, null, 0, -0.1));
  }

  @Test
  void settingsRefuseAStaleWindowLongerThanThePrefetchWindow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RefreshSettings(
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    assertEquals(true, e.getMessage().startsWith("stale:"));
  }
}
