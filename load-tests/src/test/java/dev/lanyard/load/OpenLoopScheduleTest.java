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
  void refusesRatesThatAreNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, -1));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 1).intendedNanos(-1));
  }
}
