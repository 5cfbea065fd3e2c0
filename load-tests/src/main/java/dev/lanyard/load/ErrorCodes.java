package dev.lanyard.load;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lanyard.proto.common.v1.ErrorDetail;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;

/**
 * The code a failed call is counted under: the AWS error code from the server's structured error
 * detail when there is one, else {@code grpc:<STATUS>} (e.g. {@code grpc:UNAVAILABLE} for a node
 * that cannot be reached), else the exception's class name.
 */
final class ErrorCodes {
  private ErrorCodes() {}

  static String of(Throwable failure) {
    Status status = Status.fromThrowable(failure);
    com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
    if (rich != null) {
      for (Any any : rich.getDetailsList()) {
        if (any.is(ErrorDetail.class)) {
          try {
            String code = any.unpack(ErrorDetail.class).getCode();
            if (!code.isEmpty()) {
              return code;
            }
          } catch (InvalidProtocolBufferException e) {
            break;
          }
        }
      }
    }
    if (status.getCode() != Status.Code.UNKNOWN || status.getCause() == null) {
      return "grpc:" + status.getCode().name();
    }
    return failure.getClass().getSimpleName();
  }
}
