package dev.lanyard.sts.session;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.authz.AccessDeniedException;
import dev.lanyard.sts.authz.PolicyLibrary;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.SessionPolicy;
import dev.lanyard.sts.token.SessionTags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AWS STS AssumeRole: validates the request as AWS does, checks MFA, finds the role (a missing role
 * is {@code AccessDenied}, as AWS answers), decides {@code sts:AssumeRole} (plus
 * {@code sts:TagSession} when the session has tags and {@code sts:SetSourceIdentity} when it has a
 * source identity) against the trust policy and the caller's policies, and mints the session. Role
 * chaining caps the session at one hour, inherits transitive tags, MFA facts and the source
 * identity. Front-door agnostic: the gRPC service and the HTTP Query API both call it.
 */
public final class AssumeRoleOperation {
  private final PolicyLibrary library;
  private final RoleTrust trust;
  private final MfaCheck mfa;
  private final SessionMinter minter;

  public AssumeRoleOperation(PolicyLibrary library, RoleTrust trust, MfaCheck mfa,
      SessionMinter minter) {
    this.library = library;
    this.trust = trust;
    this.mfa = mfa;
    this.minter = minter;
  }

  public AssumeRoleResult assumeRole(Caller caller, AssumeRoleInput in) {
    StsCallerRules.require(caller, "AssumeRole");
    String roleArn = ParameterChecks.require("roleArn", in.roleArn(), 20, 2048, null);
    String sessionName = ParameterChecks.require("roleSessionName", in.roleSessionName(), 2, 64,
        ParameterChecks.NAME);
    String externalId = ParameterChecks.optional("externalId", in.externalId(), 2, 1224,
        ParameterChecks.EXTERNAL_ID);
    String requestedSource = sourceIdentity(in.sourceIdentity());
    if (in.durationSeconds() != null) {
      ParameterChecks.range("durationSeconds", in.durationSeconds(), SessionDuration.MIN_SECONDS,
          SessionDuration.ROLE_MAX_SECONDS);
    }
    SessionGrant parent = caller.session() == null ? null : caller.session().claims().grant();
    boolean chained = parent != null && caller.type() == PrincipalType.ASSUMED_ROLE;
    SessionTags tags = in.tags().resolve(chained ? parent.tags() : SessionTags.none());
    SessionPolicy policy = in.sessionPolicy().resolve(library);
    Integer packed = PackedPolicyCheck.measure(policy, tags,
        !in.sessionPolicy().isEmpty() || !in.tags().isEmpty());
    Instant mfaNow = mfa.verify(caller, in.serialNumber(), in.tokenCode());

    Role role = trust.role(roleArn).orElseThrow(() -> notAuthorized(caller, roleArn));
    Duration duration = SessionDuration.forRole(in.durationSeconds(), role.maxSessionDuration(), chained);
    String sourceIdentity = persistedSourceIdentity(parent, requestedSource);
    trust.require(caller, role, actions(tags, sourceIdentity),
        requestKeys(sessionName, externalId, sourceIdentity, tags), mfaNow);

    Instant mfaAt = mfaNow != null ? mfaNow : parent != null && parent.mfaPresent() ? parent.mfaAuthenticatedAt() : null;
    SessionGrant grant = SessionGrantFactory.assumedRole(role, sessionName, sourceIdentity, tags, policy,
        mfaAt, chained ? parent.chainDepth() + 1 : 0, caller.accessKeyId());
    return new AssumeRoleResult(minter.mint(grant, duration), grant.userId(), grant.principalArn(), packed,
        sourceIdentity);
  }

  /** {@code SourceIdentity}: 2-64 characters of {@code [\w+=,.@-]}, not starting with {@code aws:}. */
  static String sourceIdentity(String value) {
    String checked = ParameterChecks.optional("sourceIdentity", value, 2, 64, ParameterChecks.NAME);
    if (checked != null && checked.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw ParameterChecks.invalid("sourceIdentity", checked, "Member must not start with the prefix aws:");
    }
    return checked;
  }

  /** A source identity set earlier in the chain persists and cannot be changed. */
  static String persistedSourceIdentity(SessionGrant parent, String requested) {
    String inherited = parent == null ? null : parent.sourceIdentity();
    if (inherited == null) {
      return requested;
    }
    if (requested != null && !requested.equals(inherited)) {
      throw new LanyardException(AwsErrorCode.ValidationError, "SourceIdentity: the calling session's"
          + " source identity is '" + inherited + "'; once set it persists through role chaining and"
          + " cannot be changed; omit SourceIdentity or pass the same value");
    }
    return inherited;
  }

  private static List<String> actions(SessionTags tags, String sourceIdentity) {
    List<String> actions = new ArrayList<>(3);
    actions.add("sts:AssumeRole");
    if (!tags.isEmpty()) {
      actions.add("sts:TagSession");
    }
    if (sourceIdentity != null) {
      actions.add("sts:SetSourceIdentity");
    }
    return actions;
  }

  /** The STS condition keys of the request (IAM User Guide, "Available keys for AWS STS"). */
  static Map<String, List<String>> requestKeys(String sessionName, String externalId, String sourceIdentity,
      SessionTags tags) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("sts:RoleSessionName", List.of(sessionName));
    if (externalId != null) {
      keys.put("sts:ExternalId", List.of(externalId));
    }
    if (sourceIdentity != null) {
      keys.put("sts:SourceIdentity", List.of(sourceIdentity));
    }
    putTagKeys(keys, tags);
    return keys;
  }

  /** {@code aws:RequestTag/K}, {@code aws:TagKeys} and {@code sts:TransitiveTagKeys} for session tags. */
  static void putTagKeys(Map<String, List<String>> keys, SessionTags tags) {
    if (tags.isEmpty()) {
      return;
    }
    tags.asMap().forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v)));
    keys.put("aws:TagKeys", List.copyOf(tags.asMap().keySet()));
    if (!tags.transitiveKeys().isEmpty()) {
      keys.put("sts:TransitiveTagKeys", List.copyOf(tags.transitiveKeys()));
    }
  }

  private static AccessDeniedException notAuthorized(Caller caller, String roleArn) {
    return new AccessDeniedException("User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole"
        + " on resource: " + roleArn, null);
  }
}
