package dev.lanyard.sts.grpc;

import com.google.protobuf.Any;
import dev.lanyard.proto.common.v1.ErrorDetail;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The one place where an error becomes a gRPC status: the status code chosen per AWS error code,
 * the caller-facing message, and an {@link ErrorDetail} (AWS code, fault side, request id,
 * retryability, encoded authorisation message) in the status details trailer. Anything that is not a
 * {@link LanyardException} is an internal failure: the caller sees a generic message only.
 */
public final class ErrorStatusMapper {
  private ErrorStatusMapper() {}

  /** The gRPC status code for an AWS error code. */
  public static Status.Code statusCode(AwsErrorCode code) {
    return switch (code) {
      case AccessDenied, IDPRejectedClaim -> Status.Code.PERMISSION_DENIED;
      case InvalidClientTokenId, SignatureDoesNotMatch, MissingAuthenticationToken,
          IncompleteSignature, ExpiredToken, RequestExpired -> Status.Code.UNAUTHENTICATED;
      case NoSuchEntity -> Status.Code.NOT_FOUND;
      case EntityAlreadyExists -> Status.Code.ALREADY_EXISTS;
      case LimitExceeded -> Status.Code.RESOURCE_EXHAUSTED;
      case ConcurrentModification -> Status.Code.ABORTED;
      case DeleteConflict, EntityTemporarilyUnmodifiable, RegionDisabled ->
          Status.Code.FAILED_PRECONDITION;
      case IDPCommunicationError, ServiceUnavailable -> Status.Code.UNAVAILABLE;
      case ServiceFailure -> Status.Code.INTERNAL;
      case MalformedPolicyDocument, PackedPolicyTooLarge, ValidationError, InvalidParameterValue,
          InvalidIdentityToken, InvalidAuthorizationMessageException, ExpiredTokenException,
          InvalidInput -> Status.Code.INVALID_ARGUMENT;
    };
  }

  /** The status for a reported error. */
  public static StatusRuntimeException toStatus(LanyardException e, String requestId) {
    return toStatus(e, requestId, "");
  }

  /** The status for a reported error, with an encoded authorisation message (on AccessDenied). */
  public static StatusRuntimeException toStatus(
      LanyardException e, String requestId, String encodedAuthorizationMessage) {
    ErrorDetail detail = ErrorDetail.newBuilder()
        .setCode(e.code().name())
        .setType(e.code().fault().wireName())
        .setRequestId(requestId == null ? "" : requestId)
        .setRetryable(e.retryable())
        .setEncodedAuthorizationMessage(
            encodedAuthorizationMessage == null ? "" : encodedAuthorizationMessage)
        .build();
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(statusCode(e.code()).value())
        .setMessage(e.code().name() + ": " + e.getMessage())
        .addDetails(Any.pack(detail))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  /** The status for an unexpected failure: no detail of the cause reaches the caller. */
  public static StatusRuntimeException internal(String requestId) {
    return toStatus(new LanyardException(AwsErrorCode.ServiceFailure,
        "the request failed inside the service; request id " + requestId), requestId);
  }
}
