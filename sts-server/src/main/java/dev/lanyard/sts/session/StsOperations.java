package dev.lanyard.sts.session;

import java.util.Objects;

/** The STS service layer, one object per operation family, shared by every front door. */
public record StsOperations(AssumeRoleOperation assumeRole, UserSessionOperations userSessions,
    IdentityOperations identity) {
  public StsOperations {
    Objects.requireNonNull(assumeRole, "assumeRole");
    Objects.requireNonNull(userSessions, "userSessions");
    Objects.requireNonNull(identity, "identity");
  }
}
