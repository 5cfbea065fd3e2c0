package dev.lanyard.sdk.signing;

import java.util.Objects;

/**
 * A request's SigV4 signature is missing, malformed, stale or wrong. The message says which field
 * is at fault and what is accepted; it never contains a secret, a session token or the expected
 * signature.
 */
public final class InvalidSignatureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a signature was refused, each with the AWS error code that reports it. */
  public enum Reason {
    /** No {@code Authorization} header at all. */
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken"),
    /** The {@code Authorization} header or {@code X-Amz-Date} is malformed or incomplete. */
    INCOMPLETE_SIGNATURE("IncompleteSignature"),
    /** Well-formed, but the scope, the signed headers or the signature do not match. */
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch"),
    /** {@code X-Amz-Date} is too far from the verifier's clock. */
    REQUEST_EXPIRED("RequestExpired");

    private final String awsErrorCode;

    Reason(String awsErrorCode) {
      this.awsErrorCode = awsErrorCode;
    }

    /** The AWS error code, e.g. {@code SignatureDoesNotMatch}. */
    public String awsErrorCode() {
      return awsErrorCode;
    }
  }

  private final Reason reason;

  public InvalidSignatureException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  /** The AWS error code of {@link #reason()}. */
  public String awsErrorCode() {
    return reason.awsErrorCode();
  }
}
