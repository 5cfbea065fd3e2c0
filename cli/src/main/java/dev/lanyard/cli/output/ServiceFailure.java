package dev.lanyard.cli.output;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lanyard.proto.common.v1.ErrorDetail;
import dev.lanyard.sdk.client.LanyardServiceException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Optional;

/**
 * A failed call as the caller needs it: the AWS error code, the server's message, the request id,
 * the gRPC status and, on AccessDenied, the encoded authorisation message.
 *
 * @param code the AWS error code, e.g. {@code AccessDenied}
 * @param message the server's message (never a secret)
 * @param requestId the server's request id; empty when no server answered
 * @param status the gRPC status code
 * @param encodedMessage the encoded authorisation message, or empty
 */
public record ServiceFailure(String code, String message, String requestId, Status.Code status, String encodedMessage) {

  /** Whether no server answered: a transport failure, or no answer before the deadline. */
  public boolean unreachable() {
    return requestId.isEmpty() && (status == Status.Code.UNAVAILABLE || status == Status.Code.DEADLINE_EXCEEDED);
  }

  /** The failure in {@code error} or its causes, if it is a failed call. */
  public static Optional<ServiceFailure> of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof LanyardServiceException e) {
        String message = e.getCause() instanceof StatusRuntimeException s && s.getStatus().getDescription() != null
            ? s.getStatus().getDescription() : e.statusCode().name();
        return Optional.of(new ServiceFailure(e.errorCode(), message, e.requestId(), e.statusCode(),
            e.encodedAuthorizationMessage()));
      }
      if (t instanceof StatusRuntimeException e) {
        return Optional.of(fromStatus(e));
      }
    }
    return Optional.empty();
  }

  private static ServiceFailure fromStatus(StatusRuntimeException e) {
    Status status = e.getStatus();
    String message = status.getDescription() != null ? status.getDescription() : status.getCode().name();
    Optional<ErrorDetail> detail = detail(e);
    String code = detail.map(ErrorDetail::getCode).filter(c -> !c.isEmpty()).orElse(defaultCode(status.getCode()));
    return new ServiceFailure(code, message, detail.map(ErrorDetail::getRequestId).orElse(""), status.getCode(),
        detail.map(ErrorDetail::getEncodedAuthorizationMessage).orElse(""));
  }

  private static Optional<ErrorDetail> detail(StatusRuntimeException e) {
    com.google.rpc.Status rich = StatusProto.fromThrowable(e);
    if (rich != null) {
      for (Any any : rich.getDetailsList()) {
        if (any.is(ErrorDetail.class)) {
          try {
            return Optional.of(any.unpack(ErrorDetail.class));
          } catch (InvalidProtocolBufferException ignored) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }

  /** AWS's common error code for a status that carries no {@link ErrorDetail}. */
  static String defaultCode(Status.Code code) {
    return switch (code) {
      case UNAVAILABLE -> "ServiceUnavailable";
      case DEADLINE_EXCEEDED -> "RequestTimeout";
      case UNAUTHENTICATED -> "InvalidClientTokenId";
      case PERMISSION_DENIED -> "AccessDenied";
      case INVALID_ARGUMENT -> "ValidationError";
      case NOT_FOUND -> "NoSuchEntity";
      case ALREADY_EXISTS -> "EntityAlreadyExists";
      case RESOURCE_EXHAUSTED -> "Throttling";
      default -> "InternalFailure";
    };
  }
}
