package dev.lanyard.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The outcome of every call of a run, thread-safe. A call belongs to the measured window when its
 * start (its intended send time in open loop) falls in {@code [measureFrom, measureUntil)}; calls
 * of the warm-up count only in the per-second progress figures. Latencies are kept in
 * microseconds in HdrHistogram recorders (3 significant digits).
 */
final class LatencyLog {
  private final long measureFrom;
  private final long measureUntil;
  private final Recorder all = new Recorder(3);
  private final Recorder measured = new Recorder(3);
  private final LongAdder okCalls = new LongAdder();
  private final LongAdder decisions = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> itemFailures = new ConcurrentHashMap<>();
  private final AtomicLong intervalOk = new AtomicLong();
  private final AtomicLong intervalErrors = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final Histogram total = new Histogram(3);

  LatencyLog(long measureFromNanos, long measureUntilNanos) {
    this.measureFrom = measureFromNanos;
    this.measureUntil = measureUntilNanos;
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void succeeded(long startNanos, long endNanos, CallResult result) {
    long micros = micros(startNanos, endNanos);
    all.recordValue(micros);
    intervalOk.incrementAndGet();
    if (measured(startNanos)) {
      measured.recordValue(micros);
      okCalls.increment();
      decisions.add(result.decisions());
      for (String code : result.failedItemCodes()) {
        itemFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
      }
    }
    inFlight.decrementAndGet();
  }

  void failed(long startNanos, long endNanos, String code) {
    all.recordValue(micros(startNanos, endNanos));
    intervalErrors.incrementAndGet();
    if (measured(startNanos)) {
      errors.computeIfAbsent(code, k -> new LongAdder()).increment();
    }
    inFlight.decrementAndGet();
  }

  boolean measured(long startNanos) {
    return startNanos - measureFrom >= 0 && startNanos - measureUntil < 0;
  }

  long inFlight() {
    return inFlight.get();
  }

  /** Waits until no call is in flight, at most {@code timeoutNanos}; true when none is. */
  boolean awaitIdle(long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (inFlight.get() > 0) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return true;
  }

  /** The figures since the previous call of this method, for the progress line. */
  synchronized Interval interval() {
    Histogram h = all.getIntervalHistogram();
    return new Interval(intervalOk.getAndSet(0), intervalErrors.getAndSet(0), h.getValueAtPercentile(50),
        h.getValueAtPercentile(99), h.getMaxValue(), inFlight.get());
  }

  /** The measured window's histogram so far, in microseconds (a copy). */
  synchronized Histogram measuredHistogram() {
    total.add(measured.getIntervalHistogram());
    return total.copy();
  }

  long okCalls() {
    return okCalls.sum();
  }

  long decisions() {
    return decisions.sum();
  }

  Map<String, Long> errorsByCode() {
    return snapshot(errors);
  }

  Map<String, Long> itemFailuresByCode() {
    return snapshot(itemFailures);
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static long micros(long startNanos, long endNanos) {
    return Math.max(0, (endNanos - startNanos) / 1_000);
  }

  /** One second of progress: calls, errors, p50/p99/max in µs, calls in flight. */
  record Interval(long ok, long errors, long p50Micros, long p99Micros, long maxMicros, long inFlight) {}
}
