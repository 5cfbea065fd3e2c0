package dev.lanyard.bench.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuTimeProfilerTest {

  private static final long SPIN_NANOS = 30_000_000L;

  @Test
  void countsTheCpuTimeOfWorkerThreadsOnly() throws InterruptedException {
    CpuTimeProfiler profiler = new CpuTimeProfiler();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch measure = new CountDownLatch(1);
    CountDownLatch spun = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Thread worker = new Thread(() -> {
      started.countDown();
      await(measure);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long start = threads.getCurrentThreadCpuTime();
      long x = 0;
      while (threads.getCurrentThreadCpuTime() - start < SPIN_NANOS) {
        x += System.nanoTime() & 1;
      }
      spun.countDown();
      await(finish);
      assertTrue(x >= 0);
    }, "CpuTimeProfilerTest-jmh-worker-1");
    worker.start();
    started.await();
    Map<Long, Long> before = profiler.workerCpuNanos();
    assertTrue(before.containsKey(worker.getId()), before.toString());
    measure.countDown();
    spun.await();
    Map<Long, Long> after = profiler.workerCpuNanos();
    finish.countDown();
    worker.join();
    long used = CpuTimeProfiler.usedSince(before, after);
    assertTrue(used >= SPIN_NANOS, "used " + used + " ns");
    assertFalse(after.containsKey(Thread.currentThread().getId()), "the test thread is not a worker");
  }

  @Test
  void aWorkerStartedDuringTheIterationCountsFromZero() {
    assertEquals(15, CpuTimeProfiler.usedSince(Map.of(1L, 100L), Map.of(1L, 105L, 2L, 10L)));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
