package dev.lanyard.sts.token;

/**
 * The session token's wire format, for anyone who reads tokens (the SDK's local verifier, other
 * languages). A token is a compact JWS: header {@code {"alg": "EdDSA" | "ES256", "kid": <key
 * thumbprint>, "typ": "lanyard-session+jwt"}} and a JSON payload with the claims below. Private
 * claims carry the {@code lan:} prefix; optional claims are left out when empty. Times are seconds
 * since the epoch.
 */
public final class SessionTokenFormat {
  /** The JOSE {@code typ} header of a session token. */
  public static final String TYPE = "lanyard-session+jwt";

  /** Issuer. */
  public static final String ISSUER = "iss";
  /** Principal ARN (the session's ARN). */
  public static final String SUBJECT = "sub";
  /** Issued at, {@code aws:TokenIssueTime}. */
  public static final String ISSUED_AT = "iat";
  /** Expires at. */
  public static final String EXPIRES_AT = "exp";

  /** {@code aws:PrincipalType}: Account, User, FederatedUser, AssumedRole. */
  public static final String PRINCIPAL_TYPE = "lan:pt";
  /** The principal's 12-digit account. */
  public static final String ACCOUNT = "lan:acct";
  /** Assumed role ARN (optional). */
  public static final String ROLE_ARN = "lan:role";
  /** Assumed role unique id, AROA... (optional). */
  public static final String ROLE_ID = "lan:rid";
  /** Role session name or federated user name (optional). */
  public static final String SESSION_NAME = "lan:sn";
  /** {@code aws:userid}. */
  public static final String USER_ID = "lan:uid";
  /** {@code aws:SourceIdentity} (optional). */
  public static final String SOURCE_IDENTITY = "lan:si";
  /** Session tags, an object of key to value, keys as given (optional). */
  public static final String TAGS = "lan:tags";
  /** Transitive tag keys, an array (optional). */
  public static final String TRANSITIVE_TAG_KEYS = "lan:ttk";
  /** When MFA was proven, seconds; present exactly when {@code aws:MultiFactorAuthPresent}. */
  public static final String MFA_AUTH_TIME = "lan:mfa";
  /** Federation facts, an object of name to array of strings (optional). */
  public static final String FEDERATION = "lan:fed";
  /** Role-chaining depth, 0 when absent. */
  public static final String CHAIN_DEPTH = "lan:cd";
  /** Inline session policy, the minified document as a string (optional). */
  public static final String POLICY = "lan:pol";
  /** Managed session policy ARNs, an array (optional). */
  public static final String POLICY_ARNS = "lan:parn";
  /** The session's access key id, ASIA.... */
  public static final String ACCESS_KEY_ID = "lan:akid";
  /** The access key that minted the session (optional). */
  public static final String SOURCE_ACCESS_KEY_ID = "lan:sakid";
  /** The id of the data key that sealed the secret. */
  public static final String DATA_KEY_ID = "lan:dk";
  /**
   * The sealed secret: base64url of AES-256-GCM nonce, ciphertext and tag, with associated data
   * {@code "lanyard-session-secret-v1" 0x00 data-key-id 0x00 access-key-id 0x00 kid}.
   */
  public static final String SEALED_SECRET = "lan:sec";

  private SessionTokenFormat() {}
}
