package dev.lanyard.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Open loop: sends call {@code n} at its {@link OpenLoopSchedule} time whether or not earlier calls
 * have returned, catching up at once after a pause. At most {@code maxInFlight} calls are
 * outstanding; a call due while at the bound waits for a slot, and since its latency is measured
 * from its intended time the wait is counted, not hidden.
 */
final class OpenLoopDriver implements LoadDriver {
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
    while (next < total) {
      long due = Math.min(schedule.dueBy(System.nanoTime()), total);
      if (next >= due) {
        LockSupport.parkNanos(schedule.intendedNanos(next) - System.nanoTime());
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        continue;
      }
      for (; next < due; next++) {
        slots.acquire();
        LoadDriver.send(call, next, schedule.intendedNanos(next), log, slots::release);
      }
    }
  }
}
