package dev.lanyard.sts.token;

import java.util.Objects;

/**
 * A session token was refused, for one {@link Reason}. The message explains the problem but never
 * contains the token or its secret; no cause is attached, so no library message can leak token
 * content either. The server maps reasons to AWS error codes in one place ({@link Reason#EXPIRED}
 * to ExpiredToken, the others to InvalidClientTokenId).
 */
public final class TokenRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /** Not a compact JWS with the expected header fields and claims. */
    MALFORMED,
    /** Its signing key ({@code kid}) or data key is not in this node's ring. */
    UNKNOWN_KEY,
    /** Its algorithm is not its key's, or its signature does not verify. */
    BAD_SIGNATURE,
    /** Its expiry has passed. */
    EXPIRED,
    /** Its issue time is in the future beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** Its issuer is not this service's. */
    WRONG_ISSUER,
    /** Its {@code typ} header is not a Lanyard session token's. */
    WRONG_TYPE,
    /** Its sealed secret does not open with its data key for this access key id and kid. */
    BAD_SEAL
  }

  private final Reason reason;

  TokenRejectedException(Reason reason, String message) {
    super("x-amz-security-token: " + message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
