package dev.lanyard.sts.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Gives every call a request id (a UUID, as AWS's {@code RequestId}), puts it in the {@link Context}
 * for handlers, audit and errors, and returns it to the caller in the {@code x-amzn-requestid} header.
 */
public final class RequestIdInterceptor implements ServerInterceptor {
  public static final Metadata.Key<String> HEADER =
      Metadata.Key.of("x-amzn-requestid", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String id = RequestIds.newId();
    ServerCall<Q, R> withHeader = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void sendHeaders(Metadata responseHeaders) {
        responseHeaders.put(HEADER, id);
        super.sendHeaders(responseHeaders);
      }
    };
    return Contexts.interceptCall(Context.current().withValue(RequestIds.KEY, id), withHeader, headers, next);
  }
}
