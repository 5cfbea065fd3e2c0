package dev.lanyard.sdk.client;

import io.grpc.Status;

/**
 * Which failures are worth another attempt. A refused credential never is; an unavailable server
 * always is (another endpoint may answer); a deadline only for idempotent calls; anything else only
 * when the server says so in {@code ErrorDetail.retryable}.
 */
final class RetryRule {
  private RetryRule() {}

  static boolean isRetryable(Status.Code code, boolean serverSaysRetryable, boolean idempotent) {
    switch (code) {
      case UNAUTHENTICATED:
      case PERMISSION_DENIED:
        return false;
      case UNAVAILABLE:
        return true;
      case DEADLINE_EXCEEDED:
        return idempotent;
      default:
        return serverSaysRetryable;
    }
  }
}
