package dev.lanyard.load;

/**
 * The fixed arrival times of an open-loop run. The rate climbs in a straight line from 0 to
 * {@code ratePerSecond} over {@code rampNanos} (within the warm-up, so that a cold node is not
 * handed a backlog it then spends the measured run working off), then stays there: call
 * {@code n} (from 0) is due at {@code start + sqrt(2 * ramp * n / rate)} during the ramp and at
 * {@code start + ramp / 2 + n / rate} after it, whatever happened to earlier calls. Latency is
 * measured from this intended time, not from when the call could actually be sent, so that a
 * stalled server or client shows up in the latency instead of silently lowering the load
 * (coordinated omission).
 *
 * <p>Whether a call or an instant falls in the ramp is taken from the sign bit and used as a 0 or 1
 * factor, not tested with an {@code if}: the JIT compiles a branch that the warm-up never took as
 * a trap, and the driver's compiled loop fell back to the interpreter the moment the ramp ended
 * (when the ramp filled the whole warm-up, just as the measured window opened; {@code --ramp} may
 * still be the whole warm-up).
 *
 * @param startNanos the {@link System#nanoTime()} at which call 0 is due
 * @param ratePerSecond calls per second once the ramp is over, more than 0
 * @param rampNanos how long the rate takes to climb to {@code ratePerSecond}; 0 for none
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond, long rampNanos) {
  private static final double NANOS_PER_SECOND = 1e9;

  public OpenLoopSchedule {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("--rate: " + ratePerSecond + " calls/s; a positive finite rate is accepted");
    }
    if (rampNanos < 0) {
      throw new IllegalArgumentException("rampNanos: " + rampNanos + "; 0 or more is accepted");
    }
  }

  /** A schedule at a fixed rate from the start. */
  public OpenLoopSchedule(long startNanos, double ratePerSecond) {
    this(startNanos, ratePerSecond, 0);
  }

  /** The intended send time of call {@code sequence}. */
  public long intendedNanos(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence: " + sequence + "; 0 or more is accepted");
    }
    double perNano = ratePerSecond / NANOS_PER_SECOND;
    double ramp = Math.sqrt(2.0 * rampNanos * sequence / perNano);
    double full = rampNanos / 2.0 + sequence * NANOS_PER_SECOND / ratePerSecond;
    return startNanos + (long) Math.floor(pick(sequence - rampCalls(), ramp, full));
  }

  /** {@code ifNegative} when {@code x < 0}, else {@code otherwise}; both finite; no branch. */
  private static double pick(double x, double ifNegative, double otherwise) {
    double negative = Double.doubleToRawLongBits(x) >>> 63; // 1.0 or 0.0 (-0.0 only when x is -0.0)
    return ifNegative * negative + otherwise * (1.0 - negative);
  }

  /** How many calls are due at {@code nowNanos}: those whose intended time is at or before it. */
  public long dueBy(long nowNanos) {
    if (nowNanos < startNanos) {
      return 0;
    }
    long due = (long) Math.floor(callsBy(nowNanos - startNanos)) + 1;
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

  /** The calls of the ramp: those due before the full rate is reached. */
  private double rampCalls() {
    return ratePerSecond / NANOS_PER_SECOND * rampNanos / 2.0;
  }

  /** The number of calls the rate has produced {@code elapsed} nanoseconds after the start. */
  private double callsBy(long elapsed) {
    double perNano = ratePerSecond / NANOS_PER_SECOND;
    // rampNanos is fixed for the run, so this max is a branch that never changes direction.
    double ramp = perNano * elapsed * (double) elapsed / (2.0 * Math.max(rampNanos, 1L));
    double full = rampCalls() + perNano * (elapsed - rampNanos);
    return pick(elapsed - rampNanos, ramp, full);
  }
}
