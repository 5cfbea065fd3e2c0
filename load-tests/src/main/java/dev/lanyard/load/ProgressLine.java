package dev.lanyard.load;

import java.io.PrintStream;

/** Formats the once-a-second progress line from a {@link LatencyLog.Interval}. */
final class ProgressLine {
  private ProgressLine() {}

  static String format(long elapsedSeconds, boolean warmup, LatencyLog.Interval i) {
    return String.format("%5ds %-7s %8d ok/s %6d err/s  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  in flight %d",
        elapsedSeconds, warmup ? "warm-up" : "measure", i.ok(), i.errors(), i.p50Micros() / 1000.0,
        i.p99Micros() / 1000.0, i.maxMicros() / 1000.0, i.inFlight());
  }

  /** Prints a line each second until interrupted. */
  static Thread start(LatencyLog log, long startNanos, long measureFromNanos, PrintStream out) {
    Thread t = new Thread(() -> {
      long tick = startNanos;
      try {
        while (!Thread.currentThread().isInterrupted()) {
          tick += 1_000_000_000L;
          long wait = tick - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          out.println(format((tick - startNanos) / 1_000_000_000L, tick - measureFromNanos <= 0, log.interval()));
        }
      } catch (InterruptedException e) {
        // the run is over
      }
    }, "lanyard-load-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
