package dev.lanyard.sts.session;

import dev.lanyard.sts.token.SessionCredentials;
import java.util.Objects;

/**
 * What AssumeRoleWithWebIdentity returns.
 *
 * @param assumedRoleId {@code <role id>:<session name>}
 * @param arn {@code arn:<partition>:sts::<account>:assumed-role/<role name>/<session name>}
 * @param packedPolicySize present only when a session policy or session tags were given
 * @param subjectFromWebIdentityToken the token's {@code sub}
 * @param audience the client id the token was issued to ({@code azp}, else the matching {@code aud})
 * @param provider the provider's host and path, as in its condition keys
 * @param sourceIdentity the token's source identity, or null
 */
public record WebIdentityResult(SessionCredentials credentials, String assumedRoleId, String arn,
    Integer packedPolicySize, String subjectFromWebIdentityToken, String audience, String provider,
    String sourceIdentity) {
  public WebIdentityResult {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(assumedRoleId, "assumedRoleId");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(subjectFromWebIdentityToken, "subjectFromWebIdentityToken");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(provider, "provider");
  }
}
