package dev.lanyard.sdk.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session token whose signature, issuer and times {@link SessionTokenVerifier} has checked: who
 * the session acts as, what narrows it and when it ends. Only the verifier makes one. It holds no
 * secret: the session's sealed secret stays in the token, unopened. Immutable.
 */
public final class VerifiedSessionToken {
  private final String issuer;
  private final String principalArn;
  private final PrincipalType principalType;
  private final String accountId;
  private final String roleArn;
  private final String roleId;
  private final String sessionName;
  private final String userId;
  private final String sourceIdentity;
  private final Map<String, String> tags;
  private final List<String> transitiveTagKeys;
  private final Instant mfaAuthenticatedAt;
  private final Map<String, List<String>> federation;
  private final int chainDepth;
  private final SessionPolicy sessionPolicy;
  private final String accessKeyId;
  private final String sourceAccessKeyId;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final String signingKeyId;

  VerifiedSessionToken(Builder b) {
    this.issuer = Objects.requireNonNull(b.issuer, "issuer");
    this.principalArn = Objects.requireNonNull(b.principalArn, "principalArn");
    this.principalType = Objects.requireNonNull(b.principalType, "principalType");
    this.accountId = Objects.requireNonNull(b.accountId, "accountId");
    this.roleArn = b.roleArn;
    this.roleId = b.roleId;
    this.sessionName = b.sessionName;
    this.userId = Objects.requireNonNull(b.userId, "userId");
    this.sourceIdentity = b.sourceIdentity;
    this.tags = Map.copyOf(b.tags);
    this.transitiveTagKeys = List.copyOf(b.transitiveTagKeys);
    this.mfaAuthenticatedAt = b.mfaAuthenticatedAt;
    this.federation = Map.copyOf(b.federation);
    this.chainDepth = b.chainDepth;
    this.sessionPolicy = Objects.requireNonNull(b.sessionPolicy, "sessionPolicy");
    this.accessKeyId = Objects.requireNonNull(b.accessKeyId, "accessKeyId");
    this.sourceAccessKeyId = b.sourceAccessKeyId;
    this.issuedAt = Objects.requireNonNull(b.issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(b.expiresAt, "expiresAt");
    this.signingKeyId = Objects.requireNonNull(b.signingKeyId, "signingKeyId");
  }

  /** The issuer ({@code iss}), equal to the verifier's expected issuer. */
  public String issuer() {
    return issuer;
  }

  /** The session's ARN ({@code aws:PrincipalArn} as AWS reports it for sessions). */
  public String principalArn() {
    return principalArn;
  }

  public PrincipalType principalType() {
    return principalType;
  }

  /** The principal's 12-digit account. */
  public String accountId() {
    return accountId;
  }

  /** The assumed role's ARN, for role sessions. */
  public Optional<String> roleArn() {
    return Optional.ofNullable(roleArn);
  }

  /** The assumed role's unique id (AROA...), for role sessions. */
  public Optional<String> roleId() {
    return Optional.ofNullable(roleId);
  }

  /** The role session name or federated user name. */
  public Optional<String> sessionName() {
    return Optional.ofNullable(sessionName);
  }

  /** {@code aws:userid}. */
  public String userId() {
    return userId;
  }

  /** {@code aws:SourceIdentity}. */
  public Optional<String> sourceIdentity() {
    return Optional.ofNullable(sourceIdentity);
  }

  /** Session tags, key to value, keys as given. */
  public Map<String, String> tags() {
    return tags;
  }

  /** The tag keys that pass on to chained role sessions. */
  public List<String> transitiveTagKeys() {
    return transitiveTagKeys;
  }

  /** {@code aws:MultiFactorAuthPresent}. */
  public boolean mfaPresent() {
    return mfaAuthenticatedAt != null;
  }

  /** When MFA was proven, when it was; {@code aws:MultiFactorAuthAge} counts from here. */
  public Optional<Instant> mfaAuthenticatedAt() {
    return Optional.ofNullable(mfaAuthenticatedAt);
  }

  /** Federation facts (web identity or SAML), name to values; empty for other sessions. */
  public Map<String, List<String>> federation() {
    return federation;
  }

  /** How many role sessions led to this one; 0 when not chained. */
  public int chainDepth() {
    return chainDepth;
  }

  public SessionPolicy sessionPolicy() {
    return sessionPolicy;
  }

  /** The session's access key id (ASIA...): requests signed for this session name it. */
  public String accessKeyId() {
    return accessKeyId;
  }

  /** The access key that minted the session, when one did. */
  public Optional<String> sourceAccessKeyId() {
    return Optional.ofNullable(sourceAccessKeyId);
  }

  /** {@code iat}, also {@code aws:TokenIssueTime}. */
  public Instant issuedAt() {
    return issuedAt;
  }

  /** {@code exp}: the credentials' expiration. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The {@code kid} of the key that signed the token. */
  public String signingKeyId() {
    return signingKeyId;
  }

  /** Identifies the session; holds nothing secret. */
  @Override
  public String toString() {
    return "VerifiedSessionToken[principal=" + principalArn + ", accessKeyId=" + accessKeyId
        + ", expiresAt=" + expiresAt + "]";
  }

  static Builder builder() {
    return new Builder();
  }

  /** Collects the claims while they are read; only this package builds tokens. */
  static final class Builder {
    String issuer;
    String principalArn;
    PrincipalType principalType;
    String accountId;
    String roleArn;
    String roleId;
    String sessionName;
    String userId;
    String sourceIdentity;
    Map<String, String> tags = Map.of();
    List<String> transitiveTagKeys = List.of();
    Instant mfaAuthenticatedAt;
    Map<String, List<String>> federation = Map.of();
    int chainDepth;
    SessionPolicy sessionPolicy = SessionPolicy.NONE;
    String accessKeyId;
    String sourceAccessKeyId;
    Instant issuedAt;
    Instant expiresAt;
    String signingKeyId;

    private Builder() {}

    VerifiedSessionToken build() {
      return new VerifiedSessionToken(this);
    }
  }
}
