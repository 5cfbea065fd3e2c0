package dev.lanyard.sts.session;

/**
 * The parameters of AssumeRoleWithSAML, as AWS names them.
 *
 * @param principalArn the ARN of the SAML provider that issued the assertion
 * @param samlAssertion the base64 SAML response: a credential, never printed
 */
public record SamlInput(
    String roleArn,
    String principalArn,
    String samlAssertion,
    SessionPolicyInput sessionPolicy,
    Integer durationSeconds) {

  public SamlInput {
    sessionPolicy = sessionPolicy == null ? SessionPolicyInput.none() : sessionPolicy;
  }

  @Override
  public String toString() {
    return "SamlInput[roleArn=" + roleArn + ", principalArn=" + principalArn + ", samlAssertion="
        + (samlAssertion == null ? "null" : "***") + ", durationSeconds=" + durationSeconds + "]";
  }
}
