package dev.lanyard.sdk.client;

import io.grpc.Status;
import java.util.Objects;

/**
 * A call to Lanyard failed: the AWS error code (e.g. {@code AccessDenied}), the server's message, the
 * request id, the gRPC status, whether retrying may help, and, on {@code AccessDenied}, the encoded
 * authorisation message.
 */
public class LanyardServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final String requestId;
  private final transient Status.Code statusCode;
  private final boolean retryable;
  private final String encodedAuthorizationMessage;

  public LanyardServiceException(
      String errorCode, String message, String requestId, Status.Code statusCode, boolean retryable,
      String encodedAuthorizationMessage, Throwable cause) {
    super(errorCode + ": " + message + (requestId == null || requestId.isEmpty() ? "" : " (request id " + requestId + ")"),
        cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.requestId = requestId == null ? "" : requestId;
    this.statusCode = Objects.requireNonNull(statusCode, "statusCode");
    this.retryable = retryable;
    this.encodedAuthorizationMessage = encodedAuthorizationMessage == null ? "" : encodedAuthorizationMessage;
  }

  /** The AWS error code, e.g. {@code AccessDenied}, {@code ExpiredToken}, {@code ServiceUnavailable}. */
  public String errorCode() {
    return errorCode;
  }

  /** The server's request id; empty when the call never reached a server. */
  public String requestId() {
    return requestId;
  }

  public Status.Code statusCode() {
    return statusCode;
  }

  /** Whether the server marked the failure retryable (or the failure is a transport failure). */
  public boolean retryable() {
    return retryable;
  }

  /** The AWS-style encoded authorisation message of an {@code AccessDenied}; empty otherwise. */
  public String encodedAuthorizationMessage() {
    return encodedAuthorizationMessage;
  }
}
