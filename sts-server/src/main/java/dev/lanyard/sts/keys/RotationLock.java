package dev.lanyard.sts.keys;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The cluster-wide lock that lets exactly one node rotate at a time (on PostgreSQL, an advisory
 * lock). {@link KeyRotationJob} reads the rings, decides and writes while holding it, so a second
 * node that waits for the lock finds the work done.
 */
@FunctionalInterface
public interface RotationLock {

  /** Blocks until this node holds the lock; closing the result releases it. */
  Held acquire();

  /** A held lock. */
  @FunctionalInterface
  interface Held extends AutoCloseable {
    /** Releases the lock. */
    @Override
    void close();
  }

  /** A lock for a single process (the embedded store): one JVM-wide {@link ReentrantLock}. */
  static RotationLock inProcess() {
    ReentrantLock lock = new ReentrantLock();
    return () -> {
      lock.lock();
      return lock::unlock;
    };
  }
}
