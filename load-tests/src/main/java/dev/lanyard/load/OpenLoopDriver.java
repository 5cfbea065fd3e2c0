package dev.lanyard.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Open loop: sends call {@code n} at its {@link OpenLoopSchedule} time whether or not earlier calls
 * have returned, catching up at once after a pause. At most {@code maxInFlight} calls are
 * outstanding; a call due while at the bound waits for a slot, and since its latency is measured
 * from its intended time the wait is counted, not hidden.
 *
 * <p>Calls are sent in ticks: the driver wakes, sends every call due by then, and sleeps until the
 * next call is due but at least {@link #TICK_NANOS} after it last sent. Waking once per call
 * (every 100 µs at 10,000 calls/s) cost the generator and the node a thread wake-up and a socket
 * write per call, more CPU than the call itself; a tick lets both handle the calls of a
 * millisecond together. A call sent up to a tick late has that delay in its latency, since
 * latency runs from the intended time.
 */
final class OpenLoopDriver implements LoadDriver {
  /** The least time between two wake-ups that send calls. */
  static final long TICK_NANOS = 1_000_000;

  private final OpenLoopSchedule schedule;
  private final Semaphore slots;

  OpenLoopDriver(OpenLoopSchedule schedule, int maxInFlight) {
    this.schedule = schedule;
    this.slots = new Semaphore(maxInFlight);
  }

  @Override
  public void run(LoadCall call, long endNanos, LatencyLog log) throws InterruptedException {
    long total = schedule.countBefore(endNanos);
    long next = 0;
    long lastSend = System.nanoTime() - TICK_NANOS;
    while (next < total) {
      long due = Math.min(schedule.dueBy(System.nanoTime()), total);
      if (next >= due) {
        long now = System.nanoTime();
        LockSupport.parkNanos(Math.max(schedule.intendedNanos(next) - now, TICK_NANOS - (now - lastSend)));
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        continue;
      }
      lastSend = System.nanoTime();
      for (; next < due; next++) {
        slots.acquire();
        LoadDriver.send(call, next, schedule.intendedNanos(next), log, slots::release);
      }
    }
  }
}
