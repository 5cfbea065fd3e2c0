package dev.lanyard.sts.iam;

import static dev.lanyard.sts.iam.IamValidation.ROLE_NAME_MAX;
import static dev.lanyard.sts.iam.IamValidation.USER_NAME_MAX;

import dev.lanyard.proto.iam.v1.RevokeSessionsRequest;
import dev.lanyard.proto.iam.v1.RevokeSessionsResponse;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.cache.StoreVersionTracker;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.Role;
import dev.lanyard.sts.store.model.User;
import java.time.Clock;
import java.time.Instant;

/**
 * RevokeSessions (Lanyard extension): refuses every session of a role or user issued before a time
 * (default now) by moving its {@code tokensRevokedBefore} forward, never back; the access evaluator
 * denies older sessions.
 */
final class SessionRevocationOperations {
  private final IamStore store;
  private final IamTargets targets;
  private final StoreVersionTracker versions;
  private final Clock clock;

  SessionRevocationOperations(IamStore store, IamTargets targets, StoreVersionTracker versions, Clock clock) {
    this.store = store;
    this.targets = targets;
    this.versions = versions;
    this.clock = clock;
  }

  RevokeSessionsResponse revokeSessions(Caller caller, RevokeSessionsRequest r) {
    Instant before = r.hasIssuedBefore()
        ? Instant.ofEpochSecond(r.getIssuedBefore().getSeconds(), r.getIssuedBefore().getNanos())
        : clock.instant();
    String arn;
    Instant inForce;
    switch (r.getTargetCase()) {
      case ROLE_NAME -> {
        String name = IamValidation.name("role_name", r.getRoleName(), ROLE_NAME_MAX);
        targets.role(caller, "RevokeSessions", name);
        Role role = store.roles().revokeSessions(caller.accountId(), name, before);
        arn = role.arn();
        inForce = role.tokensRevokedBefore();
      }
      case USER_NAME -> {
        String name = IamValidation.name("user_name", r.getUserName(), USER_NAME_MAX);
        targets.user(caller, "RevokeSessions", name);
        User user = store.users().revokeSessions(caller.accountId(), name, before);
        arn = user.arn();
        inForce = user.tokensRevokedBefore();
      }
      default -> throw IamValidation.invalid("target", "is missing", "exactly one of role_name and user_name");
    }
    versions.refresh();
    return RevokeSessionsResponse.newBuilder().setArn(arn)
        .setIssuedBefore(IamProtoMapping.time(inForce == null ? before : inForce)).build();
  }
}
