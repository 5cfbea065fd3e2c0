package dev.lanyard.sdk.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Gives every call without a deadline the client's default deadline. */
final class DefaultDeadlineInterceptor implements ClientInterceptor {
  private final long deadlineNanos;

  DefaultDeadlineInterceptor(Duration deadline) {
    this.deadlineNanos = deadline.toNanos();
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
    CallOptions options = callOptions.getDeadline() == null
        ? callOptions.withDeadlineAfter(deadlineNanos, TimeUnit.NANOSECONDS) : callOptions;
    return next.newCall(method, options);
  }
}
