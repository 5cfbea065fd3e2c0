package dev.lanyard.sts.session;

/**
 * The parameters of GetSessionToken.
 *
 * @param tokenCode the MFA code: a secret, never printed
 */
public record GetSessionTokenInput(Integer durationSeconds, String serialNumber, String tokenCode) {
  @Override
  public String toString() {
    return "GetSessionTokenInput[durationSeconds=" + durationSeconds + ", serialNumber=" + serialNumber
        + ", tokenCode=" + (tokenCode == null ? "null" : "***") + "]";
  }
}
