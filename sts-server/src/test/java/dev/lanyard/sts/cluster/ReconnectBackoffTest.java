package dev.lanyard.sts.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  private final ReconnectBackoff backoff =
      new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @Test
  void delaysDoubleWithinHalfToFullAndStopAtTheCap() {
    SplittableRandom random = new SplittableRandom(7);
    long[] ceilings = {100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000};
    for (int attempt = 0; attempt < ceilings.length; attempt++) {
      for (int i = 0; i < 200; i++) {
        long ms = backoff.delay(attempt, random).toMillis();
        long ceiling = ceilings[attempt];
        int a = attempt;
        assertTrue(ms >= ceiling / 2 && ms <= ceiling, () -> "attempt " + a + ": " + ms + " ms");
      }
    }
    assertTrue(backoff.delay(Integer.MAX_VALUE, random).toMillis() <= 5_000);
  }

  @Test
  void jitterSpreadsTheNodes() {
    SplittableRandom random = new SplittableRandom(1);
    long first = backoff.delay(4, random).toMillis();
    boolean differs = false;
    for (int i = 0; i < 20 && !differs; i++) {
      differs = backoff.delay(4, random).toMillis() != first;
    }
    assertTrue(differs);
  }

  @Test
  void refusesAnInitialDelayBelowOneMillisecondOrAMaxBelowIt() {
    assertThrows(IllegalArgumentException.class, () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
