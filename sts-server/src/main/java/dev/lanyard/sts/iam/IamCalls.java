package dev.lanyard.sts.iam;

import com.google.protobuf.Message;
import dev.lanyard.sts.audit.CallRecorder;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.auth.CallerContext;
import dev.lanyard.sts.grpc.RequestIds;
import io.grpc.stub.StreamObserver;
import java.util.function.BiFunction;

/**
 * Runs one unary IAM call: reads the caller from the gRPC context, records the call (door "grpc",
 * action = the RPC name, parameters without secrets) and answers. Failures are thrown, for the error
 * mapping interceptor to turn into a status.
 */
final class IamCalls {
  static final String DOOR = "grpc";

  private final CallRecorder recorder;

  IamCalls(CallRecorder recorder) {
    this.recorder = recorder;
  }

  <Q extends Message, R> void unary(String action, Q request, StreamObserver<R> out,
      BiFunction<Caller, Q, R> operation) {
    Caller known = CallerContext.currentOrNull();
    R response = recorder.record(new CallRecorder.Call(DOOR, action, RequestIds.current(), known,
            known == null ? null : known.sourceAddress(), RequestParameters.of(request)),
        () -> operation.apply(CallerContext.current(), request));
    out.onNext(response);
    out.onCompleted();
  }
}
