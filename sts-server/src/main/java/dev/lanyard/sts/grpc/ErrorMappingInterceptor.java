package dev.lanyard.sts.grpc;

import dev.lanyard.sts.authz.AccessDeniedException;
import dev.lanyard.sts.error.LanyardException;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets handlers simply throw: a {@link LanyardException} thrown while a unary call is handled
 * becomes its mapped status (through {@link ErrorStatusMapper}, the one mapping), anything else an
 * internal error whose cause is logged with the request id and never sent to the caller.
 */
public final class ErrorMappingInterceptor implements ServerInterceptor {
  private static final Logger LOG = Logger.getLogger(ErrorMappingInterceptor.class.getName());

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        guard(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        guard(super::onHalfClose);
      }

      private void guard(Runnable step) {
        try {
          step.run();
        } catch (AccessDeniedException e) {
          close(ErrorStatusMapper.toStatus(e, RequestIds.current(), e.encodedMessage()));
        } catch (LanyardException e) {
          close(ErrorStatusMapper.toStatus(e, RequestIds.current()));
        } catch (StatusRuntimeException e) {
          close(e);
        } catch (RuntimeException e) {
          String requestId = RequestIds.current();
          LOG.log(Level.WARNING, "unexpected failure in " + call.getMethodDescriptor().getFullMethodName()
              + " request " + requestId, e);
          close(ErrorStatusMapper.internal(requestId));
        }
      }

      private void close(StatusRuntimeException e) {
        Metadata trailers = e.getTrailers() == null ? new Metadata() : e.getTrailers();
        call.close(e.getStatus(), trailers);
      }
    };
  }
}
