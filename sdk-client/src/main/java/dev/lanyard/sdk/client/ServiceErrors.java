package dev.lanyard.sdk.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lanyard.proto.common.v1.ErrorDetail;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Optional;

/** Turns a failed gRPC call into a {@link LanyardServiceException}, reading the {@link ErrorDetail}. */
final class ServiceErrors {
  private ServiceErrors() {}

  static LanyardServiceException from(StatusRuntimeException e) {
    Status status = e.getStatus();
    Optional<ErrorDetail> detail = detail(e);
    String message = status.getDescription() != null ? status.getDescription() : status.getCode().name();
    if (detail.isPresent()) {
      ErrorDetail d = detail.get();
      String code = d.getCode().isEmpty() ? defaultCode(status.getCode()) : d.getCode();
      return new LanyardServiceException(code, message, d.getRequestId(), status.getCode(), d.getRetryable(),
          d.getEncodedAuthorizationMessage(), e);
    }
    boolean transport = status.getCode() == Status.Code.UNAVAILABLE;
    return new LanyardServiceException(defaultCode(status.getCode()), message, "", status.getCode(), transport, "", e);
  }

  static Optional<ErrorDetail> detail(StatusRuntimeException e) {
    com.google.rpc.Status rich = StatusProto.fromThrowable(e);
    if (rich == null) {
      return Optional.empty();
    }
    for (Any any : rich.getDetailsList()) {
      if (any.is(ErrorDetail.class)) {
        try {
          return Optional.of(any.unpack(ErrorDetail.class));
        } catch (InvalidProtocolBufferException ignored) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The AWS common error code for a status without an {@link ErrorDetail}. */
  static String defaultCode(Status.Code code) {
    switch (code) {
      case UNAVAILABLE:
        return "ServiceUnavailable";
      case DEADLINE_EXCEEDED:
        return "RequestTimeout";
      case UNAUTHENTICATED:
        return "InvalidClientTokenId";
      case PERMISSION_DENIED:
        return "AccessDenied";
      case INVALID_ARGUMENT:
        return "ValidationError";
      case RESOURCE_EXHAUSTED:
        return "Throttling";
      case INTERNAL:
      case UNKNOWN:
        return "InternalFailure";
      default:
        return code.name();
    }
  }
}
