package dev.lanyard.sdk.verify;

import java.util.Objects;

/**
 * A session token was refused, for one {@link Reason}. The message explains the problem and what
 * is accepted, with the AWS error code where one exists; it never contains the token, and no cause
 * is attached, so no library message can leak token content either.
 */
public final class SessionTokenRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /** Not a compact JWS with only the expected header fields, or its claims are not a session's. */
    MALFORMED,
    /** Its {@code typ} header is not a Lanyard session token's. */
    WRONG_TYPE,
    /** Its key id is not in the published key set, even after a refetch. */
    UNKNOWN_KEY,
    /** Unsigned, an algorithm other than its key's (or other than EdDSA/ES256), or a bad signature. */
    BAD_SIGNATURE,
    /** Its issuer is not the expected one. */
    WRONG_ISSUER,
    /** Its expiry has passed (beyond the allowed clock skew). */
    EXPIRED,
    /** Its issue time is in the future beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** No key set could be fetched yet, so no token can be checked; retry later. */
    KEYS_UNAVAILABLE
  }

  private final Reason reason;

  SessionTokenRejectedException(Reason reason, String message) {
    super("session token: " + message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  /** Whether trying again later may succeed (the keys could not be fetched). */
  public boolean retryable() {
    return reason == Reason.KEYS_UNAVAILABLE;
  }
}
