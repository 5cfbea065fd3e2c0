package dev.lanyard.sts.session;

import dev.lanyard.policy.eval.PrincipalType;
import dev.lanyard.sts.auth.Caller;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.mfa.MfaCodes;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.VirtualMfaDevice;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies the {@code SerialNumber} and {@code TokenCode} of an STS call: the device must be a
 * virtual MFA device enabled for the calling IAM user, and the code its current TOTP code, accepted
 * once. Returns when MFA was proven, for {@code aws:MultiFactorAuthPresent} and
 * {@code aws:MultiFactorAuthAge}.
 */
public final class MfaCheck {
  static final String INVALID_CODE = "MultiFactorAuthentication failed with invalid MFA one time pass code.";
  static final String UNKNOWN_DEVICE = "MultiFactorAuthentication failed, unable to validate MFA code.";

  private final IamStore store;
  private final MfaCodes codes;
  private final Clock clock;

  public MfaCheck(IamStore store, MfaCodes codes, Clock clock) {
    this.store = store;
    this.codes = codes;
    this.clock = clock;
  }

  /**
   * When MFA was proven in this call, or null when neither parameter was given.
   *
   * @throws LanyardException {@code ValidationError} for a malformed or half-given pair,
   *     {@code AccessDenied} for a device that is not the caller's or a wrong code
   */
  public Instant verify(Caller caller, String serialNumber, String tokenCode) {
    boolean hasSerial = serialNumber != null && !serialNumber.isEmpty();
    boolean hasCode = tokenCode != null && !tokenCode.isEmpty();
    if (!hasSerial && !hasCode) {
      return null;
    }
    if (!hasSerial) {
      throw ParameterChecks.invalid("serialNumber", null,
          "Member must not be null when TokenCode is given; give the MFA device's serial number (ARN)");
    }
    ParameterChecks.require("serialNumber", serialNumber, 9, 256, ParameterChecks.SERIAL_NUMBER);
    if (!hasCode) {
      throw ParameterChecks.invalid("tokenCode", null,
          "Member must not be null when SerialNumber is given; give the device's six-digit code");
    }
    ParameterChecks.requireSecret("tokenCode", tokenCode, ParameterChecks.TOKEN_CODE, "six digits");
    Optional<VirtualMfaDevice> device = store.mfaDevices().get(serialNumber);
    if (device.isEmpty() || !belongsTo(device.get(), caller)) {
      throw new LanyardException(AwsErrorCode.AccessDenied, UNKNOWN_DEVICE);
    }
    if (!codes.acceptOnce(serialNumber, tokenCode)) {
      throw new LanyardException(AwsErrorCode.AccessDenied, INVALID_CODE);
    }
    return clock.instant();
  }

  private static boolean belongsTo(VirtualMfaDevice device, Caller caller) {
    return device.enabled() && caller.type() == PrincipalType.USER
        && device.accountId().equals(caller.accountId())
        && device.userName().equalsIgnoreCase(caller.userName());
  }
}
