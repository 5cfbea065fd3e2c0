package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.PROFILE_NAME_MAX;

import dev.lanyard.proto.iam.v1.CreateJoinTokenRequest;
import dev.lanyard.proto.iam.v1.CreateJoinTokenResponse;
import dev.lanyard.proto.iam.v1.Instance;
import dev.lanyard.proto.iam.v1.InstanceStatus;
import dev.lanyard.proto.iam.v1.ListInstancesRequest;
import dev.lanyard.proto.iam.v1.ListInstancesResponse;
import dev.lanyard.proto.iam.v1.RevokeInstanceRequest;
import dev.lanyard.proto.iam.v1.RevokeInstanceResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.model.HostInstance;
import dev.lanyard.sts.store.model.InstanceProfile;
import dev.lanyard.sts.store.model.JoinToken;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host enrolment (Lanyard extension): one-time join tokens for an instance profile (returned once,
 * stored as a hash), the instances enrolled with them, and revoking an instance.
 */
final class EnrolmentOperations {
  static final int TTL_MIN = 60;
  static final int TTL_MAX = 86_400;
  static final int TTL_DEFAULT = 3600;

  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;
  private final Clock clock;
  private final SecureRandom random;

  EnrolmentOperations(IamStore store, IamTargets targets, StoreVersionTracker versions, Clock clock,
      SecureRandom random) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
    this.clock = clock;
    this.random = random;
  }

  CreateJoinTokenResponse createJoinToken(Caller caller, CreateJoinTokenRequest r) {
    String name = IamValidation.name("instance_profile_name", r.getInstanceProfileName(), PROFILE_NAME_MAX);
    int ttl = r.hasTtlSeconds() ? r.getTtlSeconds() : TTL_DEFAULT;
    if (ttl < TTL_MIN || ttl > TTL_MAX) {
      throw IamValidation.invalid("ttl_seconds", "is " + ttl, TTL_MIN + " to " + TTL_MAX + " seconds");
    }
    InstanceProfile profile = targets.profile(caller, "CreateJoinToken", name);
    String token = JoinTokens.newToken(random);
    String hash = JoinTokens.hash(token);
    JoinToken stored = store.hostEnrolment().createJoinToken(caller.accountId(), hash, profile.name(),
        clock.instant().plusSeconds(ttl));
    versions.refresh();
    return CreateJoinTokenResponse.newBuilder().setJoinToken(token).setJoinTokenId(JoinTokens.id(hash))
        .setInstanceProfileArn(profile.arn()).setExpiration(IamProtoMapping.time(stored.expiresAt())).build();
  }

  ListInstancesResponse listInstances(Caller caller, ListInstancesRequest r) {
    var page = IamValidation.page(r.getMarker(), r.hasMaxItems(), r.getMaxItems());
    Page<HostInstance> found;
    if (r.getInstanceProfileName().isEmpty()) {
      targets.access().require(caller, "ListInstances", targets.arns().all(caller.accountId(), "instance-profile"));
      found = store.hostEnrolment().instances(caller.accountId(), page);
    } else {
      String name = IamValidation.name("instance_profile_name", r.getInstanceProfileName(), PROFILE_NAME_MAX);
      InstanceProfile profile = targets.profile(caller, "ListInstances", name);
      List<HostInstance> all = ListPages.all(p -> store.hostEnrolment().instances(caller.accountId(), p)).stream()
          .filter(h -> h.instanceProfileName().equalsIgnoreCase(profile.name())).toList();
      found = ListPages.of(all, HostInstance::instanceId, page);
    }
    Map<String, Optional<InstanceProfile>> profiles = new HashMap<>();
    var b = ListInstancesResponse.newBuilder().setIsTruncated(found.truncated());
    for (HostInstance h : found.items()) {
      Optional<InstanceProfile> p = profiles.computeIfAbsent(h.instanceProfileName(),
          n -> store.instanceProfiles().get(caller.accountId(), n));
      b.addInstances(instance(h, p.orElse(null)));
    }
    if (found.truncated()) {
      b.setMarker(found.nextMarker());
    }
    return b.build();
  }

  RevokeInstanceResponse revokeInstance(Caller caller, RevokeInstanceRequest r) {
    String id = IamValidation.instanceId("instance_id", r.getInstanceId());
    Optional<HostInstance> found = store.hostEnrolment().instance(id)
        .filter(h -> h.accountId().equals(caller.accountId()));
    String profileArn = found.flatMap(h -> store.instanceProfiles().get(caller.accountId(), h.instanceProfileName()))
        .map(InstanceProfile::arn).orElse(targets.arns().all(caller.accountId(), "instance-profile"));
    targets.access().require(caller, "RevokeInstance", profileArn);
    found.orElseThrow(() -> new LanyardException(AwsErrorCode.NoSuchEntity,
        "The instance with id " + id + " cannot be found.", false));
    store.hostEnrolment().revoke(id);
    versions.refresh();
    return RevokeInstanceResponse.getDefaultInstance();
  }

  private static Instance instance(HostInstance h, InstanceProfile profile) {
    var b = Instance.newBuilder().setInstanceId(h.instanceId())
        .setStatus(h.revoked() ? InstanceStatus.INSTANCE_STATUS_REVOKED : InstanceStatus.INSTANCE_STATUS_ACTIVE)
        .setEnrollDate(IamProtoMapping.time(h.createDate()));
    if (profile != null) {
      b.setInstanceProfileArn(profile.arn());
      if (profile.roleArn() != null) {
        b.setRoleArn(profile.roleArn());
      }
    }
    fingerprint(h.hostPublicKey()).ifPresent(b::setHostKeyFingerprint);
    if (h.lastRefresh() != null) {
      b.setLastRefreshDate(IamProtoMapping.time(h.lastRefresh()));
    }
    return b.build();
  }

  /** SHA-256 of the host key's DER bytes, when the stored key is their base64 encoding. */
  static Optional<String> fingerprint(String hostPublicKey) {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(hostPublicKey.strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
