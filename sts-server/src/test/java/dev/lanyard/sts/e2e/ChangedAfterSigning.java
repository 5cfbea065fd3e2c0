package dev.lanyard.sts.e2e;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.MethodDescriptor;
import java.util.function.UnaryOperator;

/**
 * A man in the middle for tests: placed between the SDK's signing interceptor and the channel, it
 * sees the signed message bytes and sends {@code change.apply(bytes)} instead, keeping the
 * signature headers. Install as {@code withInterceptors(new ChangedAfterSigning(..), signer)}: the
 * last interceptor (the signer) runs first.
 */
final class ChangedAfterSigning implements ClientInterceptor {
  private final UnaryOperator<byte[]> change;

  ChangedAfterSigning(UnaryOperator<byte[]> change) {
    this.change = change;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      @SuppressWarnings("unchecked")
      public void sendMessage(Q message) {
        if (!(message instanceof byte[] signed)) {
          throw new IllegalStateException("expected the signed bytes; install this nearer the channel than the signer");
        }
        super.sendMessage((Q) change.apply(signed.clone()));
      }
    };
  }
}
