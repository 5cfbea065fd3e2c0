package dev.lanyard.sts.auth;

import dev.lanyard.sdk.signing.grpc.GrpcRequestView;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.grpc.ErrorStatusMapper;
import dev.lanyard.sts.grpc.PeerAddresses;
import dev.lanyard.sts.grpc.RequestIds;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.Set;

/**
 * Authenticates every gRPC call but the unsigned ones (health, reflection, federation, agent
 * proofs) with SigV4 over the HTTP view of the call (DESIGN.md: POST, path {@code /Service/Method},
 * host = {@code :authority}, the metadata as headers, the received message bytes as payload), and
 * runs the handler with the {@link Caller} in the {@link Context} under {@link CallerContext#KEY}.
 *
 * <p>The signature covers the exact bytes received, so this interceptor must see them: install it
 * on a service definition converted with
 * {@code ServerInterceptors.useMarshalledMessages(definition, RawMessageMarshaller.INSTANCE)} (see
 * {@link SignedServices}). It holds the handler back until the request message has arrived and been
 * verified; a refused call is closed with the mapped status and never reaches the handler.
 */
public final class SigV4ServerInterceptor implements ServerInterceptor {
  private final RequestAuthenticator authenticator;
  private final Set<String> unsignedMethods;
  private final CallRecorder recorder;

  /**
   * @param unsignedMethods full method names ({@code package.Service/Method}) that need no signature
   * @param recorder where refused calls are audited (they never reach a handler), or null
   */
  public SigV4ServerInterceptor(RequestAuthenticator authenticator, Set<String> unsignedMethods,
      CallRecorder recorder) {
    this.authenticator = authenticator;
    this.unsignedMethods = Set.copyOf(unsignedMethods);
    this.recorder = recorder;
  }

  /** An interceptor that does not audit refusals (for tests of other concerns). */
  public SigV4ServerInterceptor(RequestAuthenticator authenticator, Set<String> unsignedMethods) {
    this(authenticator, unsignedMethods, null);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (unsignedMethods.contains(method)) {
      return next.startCall(call, headers);
    }
    call.request(1);
    return new ServerCall.Listener<>() {
      private ServerCall.Listener<Q> delegate;
      private Context context;
      private boolean closed;

      @Override
      public void onMessage(Q message) {
        if (closed) {
          return;
        }
        if (delegate != null) {
          context.run(() -> delegate.onMessage(message));
          return;
        }
        if (!(message instanceof byte[] bytes)) {
          refuse(new LanyardException(AwsErrorCode.ServiceFailure,
              "signature verification is not installed on raw messages for " + method));
          return;
        }
        Caller caller;
        try {
          caller = authenticator.authenticate(
              GrpcRequestView.received(method, call.getAuthority(), headers, bytes),
              PeerAddresses.of(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
        } catch (LanyardException e) {
          refuse(e);
          return;
        } catch (IllegalArgumentException e) {
          refuse(new LanyardException(AwsErrorCode.IncompleteSignature, e.getMessage(), false));
          return;
        }
        context = Context.current().withValue(CallerContext.KEY, caller);
        Context previous = context.attach();
        try {
          delegate = next.startCall(call, headers);
        } finally {
          context.detach(previous);
        }
        context.run(() -> delegate.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        if (delegate != null) {
          context.run(delegate::onHalfClose);
        } else if (!closed) {
          refuse(new LanyardException(AwsErrorCode.MissingAuthenticationToken,
              "the call ended before its signed request message arrived", false));
        }
      }

      @Override
      public void onCancel() {
        if (delegate != null) {
          context.run(delegate::onCancel);
        }
      }

      @Override
      public void onComplete() {
        if (delegate != null) {
          context.run(delegate::onComplete);
        }
      }

      @Override
      public void onReady() {
        if (delegate != null) {
          context.run(delegate::onReady);
        }
      }

      private void refuse(LanyardException e) {
        closed = true;
        if (recorder != null) {
          recorder.recordRefusal("grpc", call.getMethodDescriptor().getBareMethodName(),
              RequestIds.current(), headers.get(GrpcRequestView.AUTHORIZATION),
              PeerAddresses.of(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)), e.code());
        }
        StatusRuntimeException s = ErrorStatusMapper.toStatus(e, RequestIds.current());
        call.close(s.getStatus(), s.getTrailers() == null ? new Metadata() : s.getTrailers());
      }
    };
  }
}
