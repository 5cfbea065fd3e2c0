package dev.lanyard.sts.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Puts every call's peer socket address in the {@link Context} for {@link PeerAddresses}. It keeps
 * the address as the transport gives it; the text form is made only when a call asks for it.
 */
public final class PeerAddressInterceptor implements ServerInterceptor {
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return Contexts.interceptCall(
        Context.current().withValue(PeerAddresses.KEY, call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)),
        call, headers, next);
  }
}
