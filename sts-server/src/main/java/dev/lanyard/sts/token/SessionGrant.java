package dev.lanyard.sts.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a session is granted: who it acts as and what narrows it. The STS operation that creates a
 * session builds one ({@link #builder()}); {@link SessionTokenIssuer} adds the minted parts (issuer,
 * times, access key id, sealed secret) to make the {@link SessionClaims}.
 *
 * @param principalType {@code aws:PrincipalType}
 * @param principalArn the session's ARN, e.g. {@code arn:aws:sts::123456789012:assumed-role/R/s}
 * @param accountId the 12-digit account the principal belongs to
 * @param roleArn the assumed role's ARN (assumed-role sessions only, else null)
 * @param roleId the assumed role's unique id, AROA... (assumed-role sessions only, else null)
 * @param sessionName the role session name, or the federated user's name; null for user sessions
 * @param userId {@code aws:userid}: role id + ":" + session name for roles, account id + ":" +
 *     name for federated users, the user's unique id (AIDA...) for users, the account id for root
 * @param sourceIdentity {@code aws:SourceIdentity}, or null
 * @param tags session tags and transitive tag keys
 * @param mfaPresent {@code aws:MultiFactorAuthPresent}
 * @param mfaAuthenticatedAt when MFA was proven (for {@code aws:MultiFactorAuthAge}); set exactly
 *     when {@code mfaPresent}
 * @param federation federation facts for web-identity and SAML sessions, e.g. {@code provider},
 *     {@code sub}, {@code aud}, {@code amr}; empty otherwise
 * @param chainDepth 0 for a session made from long-term credentials or a federation token, 1 + the
 *     parent's depth when a role session assumed this role (role chaining)
 * @param sessionPolicy the session policy, or {@link SessionPolicy#NONE}
 * @param sourceAccessKeyId the access key that minted this session (long-term AKIA... or parent
 *     ASIA...), for revoking children with their parent; null for federation sessions
 */
public record SessionGrant(
    SessionPrincipalType principalType,
    String principalArn,
    String accountId,
    String roleArn,
    String roleId,
    String sessionName,
    String userId,
    String sourceIdentity,
    SessionTags tags,
    boolean mfaPresent,
    Instant mfaAuthenticatedAt,
    Map<String, List<String>> federation,
    int chainDepth,
    SessionPolicy sessionPolicy,
    String sourceAccessKeyId) {
  /**
   * The federation fact naming the host instance an agent session was issued to; authorisation
   * refuses sessions of an instance revoked since.
   */
  public static final String INSTANCE_FACT = "instance";


  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  public SessionGrant {
    Objects.requireNonNull(principalType, "principalType");
    requireText(principalArn, "principalArn");
    if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException(
          "accountId: '" + accountId + "' is not an account id; expected 12 digits");
    }
    if (principalType == SessionPrincipalType.ASSUMED_ROLE) {
      requireText(roleArn, "roleArn");
      requireText(roleId, "roleId");
      requireText(sessionName, "sessionName");
    }
    if (principalType == SessionPrincipalType.FEDERATED_USER) {
      requireText(sessionName, "sessionName (the federated user's name)");
    }
    requireText(userId, "userId");
    Objects.requireNonNull(tags, "tags");
    if (mfaPresent != (mfaAuthenticatedAt != null)) {
      throw new IllegalArgumentException("mfaAuthenticatedAt: give it exactly when mfaPresent is true");
    }
    mfaAuthenticatedAt =
        mfaAuthenticatedAt == null ? null : mfaAuthenticatedAt.truncatedTo(ChronoUnit.SECONDS);
    federation = copyOf(Objects.requireNonNull(federation, "federation"));
    if (chainDepth < 0) {
      throw new IllegalArgumentException("chainDepth: must be 0 or more, got " + chainDepth);
    }
    Objects.requireNonNull(sessionPolicy, "sessionPolicy");
  }

  /** A builder for a new grant. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this grant's values, e.g. to derive a chained session's grant. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.principalType = principalType;
    b.principalArn = principalArn;
    b.accountId = accountId;
    b.roleArn = roleArn;
    b.roleId = roleId;
    b.sessionName = sessionName;
    b.userId = userId;
    b.sourceIdentity = sourceIdentity;
    b.tags = tags;
    b.mfaPresent = mfaPresent;
    b.mfaAuthenticatedAt = mfaAuthenticatedAt;
    b.federation = new LinkedHashMap<>(federation);
    b.chainDepth = chainDepth;
    b.sessionPolicy = sessionPolicy;
    b.sourceAccessKeyId = sourceAccessKeyId;
    return b;
  }

  /** Whether a role session assumed this role (AWS role chaining; caps the duration at 1 h). */
  public boolean roleChained() {
    return chainDepth > 0;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": required for this kind of session");
    }
  }

  private static Map<String, List<String>> copyOf(Map<String, List<String>> facts) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    facts.forEach((name, values) -> copy.put(
        Objects.requireNonNull(name, "federation fact name"),
        List.copyOf(Objects.requireNonNull(values, "federation fact " + name))));
    return Collections.unmodifiableMap(copy);
  }

  /** Builds a {@link SessionGrant}; tags, federation facts and session policy default to none. */
  public static final class Builder {
    private SessionPrincipalType principalType;
    private String principalArn;
    private String accountId;
    private String roleArn;
    private String roleId;
    private String sessionName;
    private String userId;
    private String sourceIdentity;
    private SessionTags tags = SessionTags.none();
    private boolean mfaPresent;
    private Instant mfaAuthenticatedAt;
    private Map<String, List<String>> federation = new LinkedHashMap<>();
    private int chainDepth;
    private SessionPolicy sessionPolicy = SessionPolicy.NONE;
    private String sourceAccessKeyId;

    private Builder() {}

    public Builder principalType(SessionPrincipalType principalType) {
      this.principalType = principalType;
      return this;
    }

    public Builder principalArn(String principalArn) {
      this.principalArn = principalArn;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** The assumed role's ARN and unique id. */
    public Builder role(String roleArn, String roleId) {
      this.roleArn = roleArn;
      this.roleId = roleId;
      return this;
    }

    public Builder sessionName(String sessionName) {
      this.sessionName = sessionName;
      return this;
    }

    /** {@code aws:userid}; derived by {@link #build()} when not given, except for users. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    public Builder sourceIdentity(String sourceIdentity) {
      this.sourceIdentity = sourceIdentity;
      return this;
    }

    public Builder tags(SessionTags tags) {
      this.tags = tags;
      return this;
    }

    /** MFA proven at {@code authenticatedAt}. */
    public Builder mfa(Instant authenticatedAt) {
      this.mfaPresent = authenticatedAt != null;
      this.mfaAuthenticatedAt = authenticatedAt;
      return this;
    }

    /** Adds one federation fact (e.g. "sub", "amr"), replacing an earlier one of that name. */
    public Builder federationFact(String name, List<String> values) {
      this.federation.put(name, List.copyOf(values));
      return this;
    }

    public Builder chainDepth(int chainDepth) {
      this.chainDepth = chainDepth;
      return this;
    }

    public Builder sessionPolicy(SessionPolicy sessionPolicy) {
      this.sessionPolicy = sessionPolicy;
      return this;
    }

    public Builder sourceAccessKeyId(String sourceAccessKeyId) {
      this.sourceAccessKeyId = sourceAccessKeyId;
      return this;
    }

    /**
     * The grant. When no user id was given it is derived: role id + ":" + session name for an
     * assumed role, account id + ":" + name for a federated user, the account id for root.
     *
     * @throws IllegalArgumentException naming the first missing or invalid field
     */
    public SessionGrant build() {
      String uid = userId;
      if (uid == null && principalType != null) {
        uid = switch (principalType) {
          case ASSUMED_ROLE -> roleId == null || sessionName == null ? null : roleId + ":" + sessionName;
          case FEDERATED_USER -> accountId == null || sessionName == null ? null : accountId + ":" + sessionName;
          case ACCOUNT -> accountId;
          case USER -> null;
        };
      }
      return new SessionGrant(principalType, principalArn, accountId, roleArn, roleId, sessionName,
          uid, sourceIdentity, tags, mfaPresent, mfaAuthenticatedAt, federation, chainDepth,
          sessionPolicy, sourceAccessKeyId);
    }
  }
}
