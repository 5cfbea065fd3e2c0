package dev.lanyard.load;

/**
 * The fixed arrival times of an open-loop run: call {@code n} (from 0) is due at
 * {@code start + floor(n * 1e9 / rate)} nanoseconds, whatever happened to earlier calls. Latency is
 * measured from this intended time, not from when the call could actually be sent, so that a
 * stalled server or client shows up in the latency instead of silently lowering the load
 * (coordinated omission).
 *
 * @param startNanos the {@link System#nanoTime()} at which call 0 is due
 * @param ratePerSecond calls per second, more than 0
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond) {
  private static final double NANOS_PER_SECOND = 1e9;

  public OpenLoopSchedule {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("--rate: " + ratePerSecond + " calls/s; a positive finite rate is accepted");
    }
  }

  /** The intended send time of call {@code sequence}. */
  public long intendedNanos(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence: " + sequence + "; 0 or more is accepted");
    }
    return startNanos + (long) Math.floor(sequence * NANOS_PER_SECOND / ratePerSecond);
  }

  /** How many calls are due at {@code nowNanos}: those whose intended time is at or before it. */
  public long dueBy(long nowNanos) {
    if (nowNanos < startNanos) {
      return 0;
    }
    long due = (long) Math.floor((nowNanos - startNanos) * ratePerSecond / NANOS_PER_SECOND) + 1;
    // Correct for rounding so that dueBy agrees exactly with intendedNanos.
    while (due > 0 && intendedNanos(due - 1) > nowNanos) {
      due--;
    }
    while (intendedNanos(due) <= nowNanos) {
      due++;
    }
    return due;
  }

  /** How many calls are due before {@code endNanos} (exclusive): the size of a run ending there. */
  public long countBefore(long endNanos) {
    return endNanos <= startNanos ? 0 : dueBy(endNanos - 1);
  }
}
