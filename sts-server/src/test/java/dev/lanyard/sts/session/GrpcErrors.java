package dev.lanyard.sts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lanyard.proto.common.v1.ErrorDetail;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.function.Executable;

/** Reads the AWS error code from a failed call's ErrorDetail. */
public final class GrpcErrors {
  private GrpcErrors() {}

  /** Asserts that {@code call} fails with {@code code}; returns the status message. */
  public static String assertAwsError(String code, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    String actual = "";
    if (status != null) {
      for (Any any : status.getDetailsList()) {
        if (any.is(ErrorDetail.class)) {
          try {
            actual = any.unpack(ErrorDetail.class).getCode();
          } catch (InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
          }
        }
      }
    }
    assertEquals(code, actual, () -> "status: " + e.getStatus());
    return e.getStatus().getDescription();
  }
}
