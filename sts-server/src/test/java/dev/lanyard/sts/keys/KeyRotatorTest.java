package dev.lanyard.sts.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRotatorTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private final KeyRotator rotator = new KeyRotator(RotationPolicy.DEFAULT);

  private static KeyLifecycle active(String id, Instant activated) {
    return KeyLifecycle.next(id, activated.minus(HOUR)).activated(activated);
  }

  @Test
  void brandNewRingGetsAnActiveKeyAtOnceAndANextKey() {
    RotationPlan plan = rotator.plan(List.of(), T0);
    assertTrue(plan.createActive());
    assertTrue(plan.createNext());
  }

  @Test
  void steadyRingBeforeThePeriodEndsChangesNothing() {
    RotationPlan plan = rotator.plan(
        List.of(active("a", T0), KeyLifecycle.next("n", T0)), T0.plus(Duration.ofHours(23)));
    assertTrue(plan.isEmpty(), plan.toString());
  }

  @Test
  void atThePeriodEndTheNextKeyIsPromotedTheActiveRetiredAndANewNextCreated() {
    RotationPlan plan = rotator.plan(
        List.of(active("a", T0), KeyLifecycle.next("n", T0)), T0.plus(Duration.ofHours(24)));
    assertEquals(List.of("n"), plan.promote());
    assertEquals(List.of("a"), plan.retire());
    assertTrue(plan.createNext());
    assertFalse(plan.createActive());
  }

  @Test
  void aNextKeyYoungerThanTheLeadWaitsEvenWhenRotationIsDue() {
    Instant now = T0.plus(Duration.ofHours(30));
    List<KeyLifecycle> ring =
        List.of(active("a", T0), KeyLifecycle.next("n", now.minus(Duration.ofMinutes(59))));
    RotationPlan plan = rotator.plan(ring, now);
    assertTrue(plan.isEmpty(), plan.toString());
    RotationPlan later = rotator.plan(ring, now.plus(Duration.ofMinutes(1)));
    assertEquals(List.of("n"), later.promote());
  }

  @Test
  void aRingThatLostItsNextKeyCreatesOneWithoutPromotingAnything() {
    RotationPlan plan = rotator.plan(List.of(active("a", T0)), T0.plus(Duration.ofHours(48)));
    assertTrue(plan.createNext());
    assertTrue(plan.promote().isEmpty());
    assertTrue(plan.retire().isEmpty());
  }

  @Test
  void aRingWithoutActiveKeyPromotesOnlyAPublishedNextKey() {
    RotationPlan early = rotator.plan(List.of(KeyLifecycle.next("n", T0)), T0.plusSeconds(60));
    assertTrue(early.promote().isEmpty());
    assertFalse(early.createActive(), "only a ring with no keys at all activates at once");
    RotationPlan ready = rotator.plan(List.of(KeyLifecycle.next("n", T0)), T0.plus(HOUR));
    assertEquals(List.of("n"), ready.promote());
    assertTrue(ready.createNext());
  }

  @Test
  void extraActiveKeysFromAHalfAppliedRotationAreRetiredKeepingTheNewest() {
    RotationPlan plan = rotator.plan(List.of(active("old", T0),
        active("new", T0.plusSeconds(5)), KeyLifecycle.next("n", T0)), T0.plusSeconds(10));
    assertEquals(List.of("old"), plan.retire());
    assertTrue(plan.promote().isEmpty());
  }

  @Test
  void retiredKeysStayUntilTheLongestTokenLifetimeHasPassed() {
    KeyLifecycle retired = active("r", T0).retired(T0.plus(HOUR));
    List<KeyLifecycle> ring = List.of(retired, active("a", T0.plus(HOUR)),
        KeyLifecycle.next("n", T0.plus(HOUR)));
    Instant removable = T0.plus(HOUR).plus(Duration.ofHours(36));
    assertTrue(rotator.plan(ring, removable.minusSeconds(1)).remove().isEmpty());
    assertEquals(List.of("r"), rotator.plan(ring, removable).remove());
  }

  @Test
  void theOldestReadyNextKeyIsPromotedFirst() {
    RotationPlan plan = rotator.plan(List.of(active("a", T0),
        KeyLifecycle.next("n2", T0.plusSeconds(10)), KeyLifecycle.next("n1", T0)),
        T0.plus(Duration.ofHours(25)));
    assertEquals(List.of("n1"), plan.promote());
    assertFalse(plan.createNext(), "n2 still waits");
  }

  @Test
  void policyRefusesALeadLongerThanThePeriodAndNonPositiveDurations() {
    assertThrows(IllegalArgumentException.class,
        () -> new RotationPolicy(HOUR, Duration.ofHours(2), Duration.ofHours(36)));
    assertThrows(IllegalArgumentException.class,
        () -> new RotationPolicy(Duration.ZERO, Duration.ZERO, Duration.ofHours(36)));
    assertThrows(IllegalArgumentException.class,
        () -> new RotationPolicy(HOUR, HOUR, Duration.ofSeconds(-1)));
  }
}
