package dev.lanyard.sts.session;

import java.util.Objects;

/**
 * The STS service layer, one object per operation family, shared by every front door.
 *
 * @param webIdentity AssumeRoleWithWebIdentity (unsigned)
 * @param saml AssumeRoleWithSAML (unsigned)
 */
public record StsOperations(AssumeRoleOperation assumeRole, UserSessionOperations userSessions,
    IdentityOperations identity, WebIdentityOperations webIdentity, SamlOperations saml) {
  public StsOperations {
    Objects.requireNonNull(assumeRole, "assumeRole");
    Objects.requireNonNull(userSessions, "userSessions");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(webIdentity, "webIdentity");
    Objects.requireNonNull(saml, "saml");
  }
}
