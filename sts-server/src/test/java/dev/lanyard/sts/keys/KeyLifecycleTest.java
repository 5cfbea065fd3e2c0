package dev.lanyard.sts.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyLifecycleTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void nextKeyBecomesActiveThenRetired() {
    KeyLifecycle next = KeyLifecycle.next("k1", T0);
    KeyLifecycle active = next.activated(T0.plusSeconds(3600));
    KeyLifecycle retired = active.retired(T0.plusSeconds(7200));
    assertEquals(KeyState.NEXT, next.state());
    assertEquals(KeyState.ACTIVE, active.state());
    assertEquals(T0.plusSeconds(3600), active.activatedAt());
    assertEquals(KeyState.RETIRED, retired.state());
    assertEquals(T0.plusSeconds(3600), retired.activatedAt());
    assertEquals(T0.plusSeconds(7200), retired.retiredAt());
  }

  @Test
  void stateFollowsDatesForStoresWithoutStateColumn() {
    assertEquals(KeyState.NEXT, KeyLifecycle.fromDates("d", T0, null, null).state());
    assertEquals(KeyState.ACTIVE, KeyLifecycle.fromDates("d", T0, T0, null).state());
    assertEquals(KeyState.RETIRED, KeyLifecycle.fromDates("d", T0, T0, T0.plusSeconds(1)).state());
  }

  @Test
  void inconsistentDatesAreRefusedNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KeyLifecycle("k9", KeyState.ACTIVE, T0, null, null));
    assertTrue(e.getMessage().contains("k9"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new KeyLifecycle("k", KeyState.NEXT, T0, T0, null));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyLifecycle("k", KeyState.ACTIVE, T0, T0.minusSeconds(1), null));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyLifecycle("k", KeyState.RETIRED, T0, T0.plusSeconds(10), T0.plusSeconds(5)));
    assertThrows(IllegalArgumentException.class, () -> KeyLifecycle.next(" ", T0));
  }

  @Test
  void onlyNextKeysActivateAndRetiredKeysStayRetired() {
    KeyLifecycle active = KeyLifecycle.next("k", T0).activated(T0);
    assertThrows(IllegalStateException.class, () -> active.activated(T0));
    assertThrows(IllegalStateException.class, () -> active.retired(T0).retired(T0));
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    KeyLifecycle next = KeyLifecycle.next("k", T0.plusNanos(1_234_567));
    assertEquals(T0.plusMillis(1), next.createdAt());
    assertNull(next.activatedAt());
  }
}
