package dev.lanyard.sts.agent;

import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.iam.JoinTokens;
import dev.lanyard.sts.session.SessionDuration;
import dev.lanyard.sts.session.SessionGrantFactory;
import dev.lanyard.sts.session.SessionMinter;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.HostInstance;
import dev.lanyard.sts.store.model.InstanceProfile;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.token.SessionGrant;
import dev.lanyard.sts.token.SessionPolicy;
import dev.lanyard.sts.token.SessionTags;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The instance operations of STS, front-door agnostic and unsigned (the join token or the host key
 * is the proof): {@link #enroll} exchanges a one-time join token and a host public key for an
 * instance id; {@link #challenge} hands out a fresh one-time challenge; {@link #assumeRole} verifies
 * the host key's signature over it and mints the instance profile role's credentials, session name =
 * instance id, as AWS names EC2 role sessions. Sessions last {@value #DEFAULT_SECONDS} seconds by
 * default (AWS instance profile credentials last about six hours), capped by the role's maximum.
 */
public final class InstanceOperations {

  /** Default session length when the request names none, before the role's cap. */
  public static final int DEFAULT_SECONDS = 21_600;
  /** How long a challenge may be answered. */
  public static final Duration CHALLENGE_LIFETIME = Duration.ofSeconds(60);
  private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{17}");
  private static final Pattern JOIN_TOKEN = Pattern.compile(Pattern.quote(JoinTokens.PREFIX) + "[A-Za-z0-9_-]{43}");
  private static final int HOSTNAME_MAX = 255;

  private final IamStore store;
  private final InstanceChallenges challenges;
  private final InstanceTrust trust;
  private final SessionMinter minter;
  private final Clock clock;

  public InstanceOperations(IamStore store, StoreVersionTracker versions, SessionMinter minter, Clock clock,
      SecureRandom random) {
    this(store, versions, minter, clock, random, CHALLENGE_LIFETIME);
  }

  /** With another challenge lifetime (tests). */
  public InstanceOperations(IamStore store, StoreVersionTracker versions, SessionMinter minter, Clock clock,
      SecureRandom random, Duration challengeLifetime) {
    this.store = store;
    this.challenges = new InstanceChallenges(store, clock, random, challengeLifetime);
    this.trust = new InstanceTrust(versions);
    this.minter = minter;
    this.clock = clock;
  }

  /**
   * Uses a join token once and enrols the host key. {@code AccessDenied} when the token is unknown,
   * used or expired; {@code ValidationError} for a malformed token, key or hostname.
   */
  public Enrolment enroll(String joinToken, byte[] hostPublicKey, String hostname) {
    if (joinToken == null || !JOIN_TOKEN.matcher(joinToken).matches()) {
      throw new LanyardException(AwsErrorCode.ValidationError, "join_token is not a Lanyard join token; accepted: "
          + JoinTokens.PREFIX + " and 43 base64url characters, as CreateJoinToken returned it");
    }
    if (hostname != null && hostname.length() > HOSTNAME_MAX) {
      throw new LanyardException(AwsErrorCode.ValidationError, "hostname has " + hostname.length()
          + " characters; accepted: at most " + HOSTNAME_MAX);
    }
    String key = HostKeys.storedForm(hostPublicKey);
    HostInstance host = store.hostEnrolment().enrol(JoinTokens.hash(joinToken), key);
    InstanceProfile profile = store.instanceProfiles().get(host.accountId(), host.instanceProfileName())
        .orElseThrow(() -> noProfile(host));
    return new Enrolment(host.instanceId(), profile.arn(), profile.roleArn(), host.accountId());
  }

  /** A fresh challenge for an enrolled, unrevoked instance. */
  public InstanceChallenge challenge(String instanceId) {
    activeInstance(checkId(instanceId));
    return challenges.issue(instanceId);
  }

  /**
   * The instance profile role's credentials, for a valid signature by the enrolled host key over a
   * fresh challenge issued for this instance and not used before.
   *
   * @param durationSeconds 900 up to the role's maximum, or null for the default
   */
  public InstanceSession assumeRole(String instanceId, byte[] challenge, byte[] signature, Integer durationSeconds) {
    checkId(instanceId);
    Instant expiry = challenges.checkFresh(challenge);
    HostInstance host = activeInstance(instanceId);
    if (!InstanceProof.verifies(HostKeys.fromStored(host.hostPublicKey()), instanceId, challenge, signature)) {
      throw new LanyardException(AwsErrorCode.AccessDenied, "signature does not verify with the host key enrolled"
          + " for " + instanceId + "; sign \"" + InstanceProof.CONTEXT.strip() + "\\n\" + instance id + \"\\n\""
          + " + challenge with the host's Ed25519 key");
    }
    challenges.redeem(instanceId, challenge, expiry);

    InstanceProfile profile = store.instanceProfiles().get(host.accountId(), host.instanceProfileName())
        .orElseThrow(() -> noProfile(host));
    if (profile.roleArn() == null) {
      throw new LanyardException(AwsErrorCode.NoSuchEntity, "instance profile " + profile.arn()
          + " has no role; add one with AddRoleToInstanceProfile");
    }
    Role role = store.roles().getByArn(profile.roleArn()).orElseThrow(() -> new LanyardException(
        AwsErrorCode.NoSuchEntity, "the role " + profile.roleArn() + " of instance profile " + profile.arn()
        + " does not exist"));
    Instant now = clock.instant();
    trust.require(role, instanceId, now);
    Duration duration = durationSeconds == null
        ? Duration.ofSeconds(Math.min(DEFAULT_SECONDS, role.maxSessionDuration()))
        : SessionDuration.forRole(durationSeconds, role.maxSessionDuration(), false);
    SessionGrant grant = SessionGrantFactory.assumedRole(role, instanceId, null, SessionTags.none(),
            SessionPolicy.NONE, null, 0, null)
        .toBuilder().federationFact(SessionGrant.INSTANCE_FACT, List.of(instanceId)).build();
    InstanceSession session = new InstanceSession(minter.mint(grant, duration), grant.userId(),
        grant.principalArn(), profile.arn());
    store.hostEnrolment().recordRefresh(instanceId, now);
    return session;
  }

  private HostInstance activeInstance(String instanceId) {
    HostInstance host = store.hostEnrolment().instance(instanceId).orElseThrow(() -> new LanyardException(
        AwsErrorCode.AccessDenied, "instance " + instanceId + " is not enrolled; enrol it with a join token"));
    if (host.revoked()) {
      throw new LanyardException(AwsErrorCode.AccessDenied, "instance " + host.instanceId()
          + " was revoked; enrol the host again with a new join token");
    }
    return host;
  }

  private static String checkId(String instanceId) {
    if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
      throw new LanyardException(AwsErrorCode.ValidationError, "instance_id is '" + instanceId
          + "'; accepted: i- and 17 lowercase hex digits, as EnrollInstance returned it");
    }
    return instanceId;
  }

  private static LanyardException noProfile(HostInstance host) {
    return new LanyardException(AwsErrorCode.NoSuchEntity, "the instance profile " + host.instanceProfileName()
        + " of instance " + host.instanceId() + " no longer exists");
  }
}
