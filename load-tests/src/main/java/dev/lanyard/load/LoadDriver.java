package dev.lanyard.load;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;

/** Sends a scenario's calls until a deadline and records each outcome in a {@link LatencyLog}. */
interface LoadDriver {
  /** Sends calls whose start is before {@code endNanos}; returns once the last has been sent. */
  void run(LoadCall call, long endNanos, LatencyLog log) throws InterruptedException;

  /**
   * Starts call {@code sequence} measured from {@code startNanos} and records its outcome; runs
   * {@code then} after recording. A call that throws while starting counts as failed.
   */
  static ListenableFuture<CallResult> send(LoadCall call, long sequence, long startNanos, LatencyLog log,
      Runnable then) {
    log.started();
    ListenableFuture<CallResult> future;
    try {
      future = call.start(sequence);
    } catch (RuntimeException e) {
      future = Futures.immediateFailedFuture(e);
    }
    Futures.addCallback(future, new FutureCallback<>() {
      @Override
      public void onSuccess(CallResult result) {
        log.succeeded(startNanos, System.nanoTime(), result);
        then.run();
      }

      @Override
      public void onFailure(Throwable t) {
        log.failed(startNanos, System.nanoTime(), ErrorCodes.of(t));
        then.run();
      }
    }, MoreExecutors.directExecutor());
    return future;
  }
}
