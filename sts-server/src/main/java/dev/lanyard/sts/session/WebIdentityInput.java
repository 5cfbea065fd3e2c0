package dev.lanyard.sts.session;

/**
 * The parameters of AssumeRoleWithWebIdentity, as AWS names them. Optional text parameters are null
 * or empty when absent.
 *
 * @param webIdentityToken the OpenID Connect ID token: a credential, never printed
 * @param providerId only for OAuth 2.0 access tokens, which Lanyard does not accept; empty for OIDC
 */
public record WebIdentityInput(
    String roleArn,
    String roleSessionName,
    String webIdentityToken,
    String providerId,
    SessionPolicyInput sessionPolicy,
    Integer durationSeconds) {

  public WebIdentityInput {
    sessionPolicy = sessionPolicy == null ? SessionPolicyInput.none() : sessionPolicy;
  }

  @Override
  public String toString() {
    return "WebIdentityInput[roleArn=" + roleArn + ", roleSessionName=" + roleSessionName
        + ", webIdentityToken=" + (webIdentityToken == null ? "null" : "***") + ", durationSeconds="
        + durationSeconds + "]";
  }
}
