package dev.lanyard.sts.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where gRPC calls run. The hot calls, those that answer from memory (Authorize, AssumeRole,
 * GetCallerIdentity, ...), run on a fixed pool of a few threads per processor: handing each call
 * to one of gRPC's default pool of up to one thread per call in flight cost the node about half
 * its CPU per Authorize under load (see load-tests/RESULTS.md). Every other call (IAM
 * administration, federation, which may wait on the database or an identity provider) runs on a
 * pool that grows as needed, so that slow calls never hold up the hot ones.
 *
 * <p>Give the server builder {@code directExecutor()} as well: gRPC finds a call's method on the
 * default executor before it asks this supplier, so any other default would cost a second hand-off.
 */
public final class CallExecutors implements ServerCallExecutorSupplier, AutoCloseable {
  private final Set<String> hotMethods;
  private final ExecutorService hot;
  private final ExecutorService other;

  /**
   * @param hotMethods full method names ({@code package.Service/Method}) run on the fixed pool
   * @param hotThreads the fixed pool's size, at least 1
   */
  public CallExecutors(Set<String> hotMethods, int hotThreads) {
    if (hotThreads < 1) {
      throw new IllegalArgumentException("hotThreads: " + hotThreads + "; at least 1 is accepted");
    }
    this.hotMethods = Set.copyOf(hotMethods);
    this.hot = Executors.newFixedThreadPool(hotThreads, named("lanyard-grpc-hot"));
    this.other = Executors.newCachedThreadPool(named("lanyard-grpc"));
  }

  @Override
  public <Q, R> ExecutorService getExecutor(ServerCall<Q, R> call, Metadata metadata) {
    return hotMethods.contains(call.getMethodDescriptor().getFullMethodName()) ? hot : other;
  }

  /** Stops both pools after the server has stopped; calls still queued are dropped. */
  @Override
  public void close() {
    hot.shutdown();
    other.shutdown();
    try {
      if (!hot.awaitTermination(5, TimeUnit.SECONDS)) {
        hot.shutdownNow();
      }
      if (!other.awaitTermination(5, TimeUnit.SECONDS)) {
        other.shutdownNow();
      }
    } catch (InterruptedException e) {
      hot.shutdownNow();
      other.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
