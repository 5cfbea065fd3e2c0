package dev.lanyard.sts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lanyard.proto.common.v1.ErrorDetail;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.function.Executable;

/** Reads what a refused call says on the wire: the gRPC status and the {@link ErrorDetail}. */
final class AwsErrors {
  /** A refusal as the client saw it. */
  record Refusal(Status.Code status, String message, ErrorDetail detail) {}

  private AwsErrors() {}

  /** The {@link ErrorDetail} in the status details trailer, or the default instance if none. */
  static ErrorDetail detailOf(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status != null) {
      for (Any any : status.getDetailsList()) {
        if (any.is(ErrorDetail.class)) {
          try {
            return any.unpack(ErrorDetail.class);
          } catch (InvalidProtocolBufferException ex) {
            throw new AssertionError("the ErrorDetail in the trailer does not parse", ex);
          }
        }
      }
    }
    return ErrorDetail.getDefaultInstance();
  }

  /** Asserts that {@code call} fails with the AWS error {@code code}; returns what the client saw. */
  static Refusal assertAwsError(String code, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    ErrorDetail detail = detailOf(e);
    assertEquals(code, detail.getCode(), () -> "status: " + e.getStatus());
    return new Refusal(e.getStatus().getCode(), String.valueOf(e.getStatus().getDescription()), detail);
  }
}
