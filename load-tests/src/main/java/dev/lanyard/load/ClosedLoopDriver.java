package dev.lanyard.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed loop: {@code concurrency} lanes, each sending its next call as soon as its previous one
 * returns, until the deadline. Latency is measured from each call's actual send time.
 */
final class ClosedLoopDriver implements LoadDriver {
  private final int concurrency;

  ClosedLoopDriver(int concurrency) {
    this.concurrency = concurrency;
  }

  @Override
  public void run(LoadCall call, long endNanos, LatencyLog log) throws InterruptedException {
    AtomicLong sequence = new AtomicLong();
    CountDownLatch lanesDone = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      new Lane(call, endNanos, log, sequence, lanesDone).next();
    }
    lanesDone.await();
  }

  /**
   * One call in flight at a time; the next starts from the previous one's completion. After
   * sending, the lane's thread and the call's callback race on a flag: whichever comes second
   * sends the next call, so a call that completes at once loops here instead of nesting callbacks.
   */
  private record Lane(LoadCall call, long endNanos, LatencyLog log, AtomicLong sequence, CountDownLatch done) {
    void next() {
      while (true) {
        long start = System.nanoTime();
        if (start - endNanos >= 0) {
          done.countDown();
          return;
        }
        AtomicBoolean first = new AtomicBoolean();
        LoadDriver.send(call, sequence.getAndIncrement(), start, log, () -> {
          if (!first.compareAndSet(false, true)) {
            next();
          }
        });
        if (first.compareAndSet(false, true)) {
          return;
        }
      }
    }
  }
}
