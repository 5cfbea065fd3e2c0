package dev.lanyard.load;

import com.google.common.util.concurrent.ListenableFuture;

/** Starts one call of a scenario without blocking; the future fails with the call's error. */
@FunctionalInterface
public interface LoadCall {
  /** Starts call number {@code sequence} (from 0). */
  ListenableFuture<CallResult> start(long sequence);
}
