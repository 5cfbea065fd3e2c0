package dev.lanyard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyLogTest {
  private static final long FROM = 1_000_000_000L;
  private static final long UNTIL = 2_000_000_000L;

  @Test
  void theMeasuredWindowIsHalfOpen() {
    LatencyLog log = new LatencyLog(FROM, UNTIL);
    assertEquals(0, log.window(Long.MIN_VALUE));
    assertEquals(0, log.window(FROM - 1));
    assertEquals(1, log.window(FROM));
    assertEquals(1, log.window(UNTIL - 1));
    assertEquals(0, log.window(UNTIL));
    assertEquals(0, log.window(Long.MAX_VALUE));
  }

  @Test
  void theWindowHoldsAcrossNanoTimeWraparound() {
    // System.nanoTime() may be negative or wrap; the window is judged on differences.
    long from = Long.MAX_VALUE - 10;
    LatencyLog log = new LatencyLog(from, from + 20); // wraps past Long.MAX_VALUE
    assertEquals(0, log.window(from - 1));
    assertEquals(1, log.window(from));
    assertEquals(1, log.window(Long.MIN_VALUE + 5));
    assertEquals(0, log.window(from + 20));
  }

  @Test
  void onlyCallsThatStartInTheWindowAreReported() {
    LatencyLog log = new LatencyLog(FROM, UNTIL);
    record(log, FROM - 1, new CallResult(100, List.of("Throttling")));
    record(log, FROM, new CallResult(100, List.of("Throttling", "Throttling")));
    record(log, UNTIL - 1, CallResult.ONE);
    record(log, UNTIL, CallResult.ONE);
    fail(log, FROM - 5, "UNAVAILABLE");
    fail(log, FROM + 5, "DEADLINE_EXCEEDED");

    assertEquals(2, log.okCalls());
    assertEquals(101, log.decisions());
    assertEquals(Map.of("Throttling", 2L), log.itemFailuresByCode());
    assertEquals(Map.of("DEADLINE_EXCEEDED", 1L), log.errorsByCode());
    assertEquals(2, log.measuredHistogram().getTotalCount());
    assertEquals(0, log.inFlight());
  }

  private static void record(LatencyLog log, long start, CallResult result) {
    log.started();
    log.succeeded(start, start + 1_500_000, result);
  }

  private static void fail(LatencyLog log, long start, String code) {
    log.started();
    log.failed(start, start + 1_000, code);
  }
}
