package dev.lanyard.sdk.credentials;

/** Asks the user (or an authenticator) for the current code of an MFA device. */
@FunctionalInterface
public interface MfaTokenCodeSupplier {

  /**
   * @param mfaSerial the device's serial number or ARN, as in the profile's {@code mfa_serial}
   * @return the six-digit code shown by the device now
   */
  String tokenCode(String mfaSerial);
}
