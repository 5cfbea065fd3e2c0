package dev.lanyard.bench.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports {@code cpu.time.norm}: the CPU time the benchmark's worker threads used per operation,
 * in nanoseconds. Unlike the wall-clock score it does not grow while other processes hold the
 * cores, so it shows the cost on one core of a shared, loaded machine. Like JMH's {@code gc}
 * profiler it divides by every operation of the iteration, including those outside the
 * synchronised measurement window. Use with {@code -prof dev.lanyard.bench.policy.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private static final String WORKER_MARK = "-jmh-worker-";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private Map<Long, Long> before = Map.of();

  /** Checks that the JVM measures thread CPU time. */
  public CpuTimeProfiler() {
    if (!threads.isThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM does not measure thread CPU time; cpu.time.norm is unavailable");
    }
    if (!threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  @Override
  public String getDescription() {
    return "CPU time of the benchmark worker threads per operation (independent of other load)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = workerCpuNanos();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long used = usedSince(before, workerCpuNanos());
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    return List.of(new ScalarResult("cpu.time.norm", (double) used / ops, "ns/op", AggregationPolicy.AVG));
  }

  /**
   * The CPU nanoseconds used between two readings of {@link #workerCpuNanos}; a worker absent from
   * {@code before} started in between, at zero.
   */
  static long usedSince(Map<Long, Long> before, Map<Long, Long> now) {
    long used = 0;
    for (Map.Entry<Long, Long> e : now.entrySet()) {
      used += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return used;
  }

  /** CPU nanoseconds so far of each live JMH worker thread, by thread id. */
  Map<Long, Long> workerCpuNanos() {
    Map<Long, Long> out = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(WORKER_MARK)) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          out.put(info.getThreadId(), cpu);
        }
      }
    }
    return out;
  }
}
