package dev.lanyard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

  @Test
  void callsAreDueAtFixedIntervalsFromTheStart() {
    OpenLoopSchedule s = new OpenLoopSchedule(1_000, 4);
    assertEquals(1_000, s.intendedNanos(0));
    assertEquals(1_000 + 250_000_000L, s.intendedNanos(1));
    assertEquals(1_000 + 1_000_000_000L, s.intendedNanos(4));
  }

  @Test
  void fractionalPeriodsDoNotDrift() {
    OpenLoopSchedule s = new OpenLoopSchedule(0, 3);
    // 1e9 / 3 is not whole: the millionth call is still exactly on the ideal time, floored.
    assertEquals(333_333_333_333_333L, s.intendedNanos(1_000_000));
    assertEquals(333_333_333L, s.intendedNanos(1));
    assertEquals(666_666_666L, s.intendedNanos(2));
  }

  @Test
  void dueByCountsCallsAtOrBeforeNow() {
    OpenLoopSchedule s = new OpenLoopSchedule(1_000, 4);
    assertEquals(0, s.dueBy(999));
    assertEquals(1, s.dueBy(1_000));
    assertEquals(1, s.dueBy(1_000 + 249_999_999L));
    assertEquals(2, s.dueBy(1_000 + 250_000_000L));
    assertEquals(5, s.dueBy(1_000 + 1_000_000_000L));
  }

  @Test
  void dueByAgreesWithIntendedTimesAtEveryBoundary() {
    OpenLoopSchedule s = new OpenLoopSchedule(7, 7_919.5);
    for (long n = 0; n < 20_000; n++) {
      long t = s.intendedNanos(n);
      assertEquals(n + 1, s.dueBy(t), "at the intended time of call " + n);
      assertTrue(s.dueBy(t - 1) <= n, "just before call " + n);
    }
  }

  @Test
  void aRunOfOneSecondAtTwoThousandPerSecondHasTwoThousandCalls() {
    OpenLoopSchedule s = new OpenLoopSchedule(500, 2_000);
    assertEquals(2_000, s.countBefore(500 + 1_000_000_000L));
    assertEquals(0, s.countBefore(500));
    assertEquals(1, s.countBefore(501));
  }

  @Test
  void theRateClimbsOverTheRampThenStaysAtTheFullRate() {
    // 1,000 calls/s reached after a 2 s ramp: 1,000 calls in the ramp (its area), then one per ms.
    OpenLoopSchedule s = new OpenLoopSchedule(0, 1_000, 2_000_000_000L);
    assertEquals(0, s.intendedNanos(0));
    assertEquals(250, s.countBefore(1_000_000_000L), "a quarter of the ramp's calls in its first half");
    assertEquals(1_000, s.countBefore(2_000_000_000L));
    assertEquals(2_000, s.countBefore(3_000_000_000L), "the full rate after the ramp");
    assertEquals(2_000_000_000L, s.intendedNanos(1_000));
    assertEquals(2_001_000_000L, s.intendedNanos(1_001));
    long gapEarly = s.intendedNanos(11) - s.intendedNanos(10);
    long gapLate = s.intendedNanos(901) - s.intendedNanos(900);
    assertTrue(gapEarly > gapLate && gapLate > 1_000_000, "calls come closer together as the rate climbs");
  }

  @Test
  void dueByAgreesWithIntendedTimesThroughTheRamp() {
    OpenLoopSchedule s = new OpenLoopSchedule(13, 5_003.7, 1_500_000_000L);
    for (long n = 0; n < 20_000; n++) {
      long t = s.intendedNanos(n);
      assertEquals(n + 1, s.dueBy(t), "at the intended time of call " + n);
      assertTrue(s.dueBy(t - 1) <= n, "just before call " + n);
    }
  }

  @Test
  void refusesRatesThatAreNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, -1));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 1).intendedNanos(-1));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 1, -1));
  }
}
