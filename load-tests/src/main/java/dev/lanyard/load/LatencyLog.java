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
 *
 * <p>Each outcome is recorded into one of two {@link Window}s, the measured one or a discarded
 * one, chosen by arithmetic rather than by an {@code if}: the JIT compiles a branch that the
 * warm-up never took as a trap, and the first measured call then threw the compiled callback
 * code (inlined into the transport's) back to the interpreter while the generator was at full
 * rate. That cost runs stalls of 0.3 to 2 s just as the measured window opened.
 */
final class LatencyLog {
  private final long measureFrom;
  private final long measureUntil;
  private final Recorder all = new Recorder(3);
  /** Index 0: outside the measured window (discarded); index 1: the measured window. */
  private final Window[] windows = {new Window(), new Window()};
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
    windows[window(startNanos)].succeeded(micros, result);
    inFlight.decrementAndGet();
  }

  void failed(long startNanos, long endNanos, String code) {
    all.recordValue(micros(startNanos, endNanos));
    intervalErrors.incrementAndGet();
    windows[window(startNanos)].failed(code);
    inFlight.decrementAndGet();
  }

  /** 1 when {@code startNanos} is in the measured window, else 0, without a branch. */
  int window(long startNanos) {
    long sinceFrom = startNanos - measureFrom; // >= 0 from the window's start
    long toUntil = measureUntil - 1 - startNanos; // >= 0 before its end
    return (int) (~(sinceFrom | toUntil) >>> 63);
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
    total.add(windows[1].latency.getIntervalHistogram());
    return total.copy();
  }

  long okCalls() {
    return windows[1].okCalls.sum();
  }

  long decisions() {
    return windows[1].decisions.sum();
  }

  Map<String, Long> errorsByCode() {
    return snapshot(windows[1].errors);
  }

  Map<String, Long> itemFailuresByCode() {
    return snapshot(windows[1].itemFailures);
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static long micros(long startNanos, long endNanos) {
    return Math.max(0, (endNanos - startNanos) / 1_000);
  }

  /** The figures of the calls that started in one window. */
  private static final class Window {
    final Recorder latency = new Recorder(3);
    final LongAdder okCalls = new LongAdder();
    final LongAdder decisions = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Map<String, LongAdder> itemFailures = new ConcurrentHashMap<>();

    void succeeded(long micros, CallResult result) {
      latency.recordValue(micros);
      okCalls.increment();
      decisions.add(result.decisions());
      for (String code : result.failedItemCodes()) {
        itemFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
      }
    }

    void failed(String code) {
      errors.computeIfAbsent(code, k -> new LongAdder()).increment();
    }
  }

  /** One second of progress: calls, errors, p50/p99/max in µs, calls in flight. */
  record Interval(long ok, long errors, long p50Micros, long p99Micros, long maxMicros, long inFlight) {}
}
