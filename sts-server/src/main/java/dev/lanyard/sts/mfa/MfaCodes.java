package dev.lanyard.sts.mfa;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.IamStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks MFA codes against a stored virtual device and accepts each code once, as AWS does: the step
 * a code was accepted for is recorded through the store's replay records
 * ({@code recordOnce("mfa:" + serial + ":" + step, ...)}, shared by every node) until the code could
 * no longer be valid. Used by EnableMFADevice/ResyncMFADevice and by STS {@code TokenCode} checks.
 */
public final class MfaCodes {
  private final IamStore store;
  private final Totp totp;
  private final Clock clock;

  public MfaCodes(IamStore store, Totp totp, Clock clock) {
    this.store = store;
    this.totp = totp;
    this.clock = clock;
  }

  /**
   * Whether {@code code} is valid now (current step or one either side) for the device
   * {@code serialNumber} and was not accepted before. False for an unknown device.
   */
  public boolean acceptOnce(String serialNumber, String code) {
    Instant now = clock.instant();
    OptionalLong step = withSeed(serialNumber, seed -> totp.matchingStep(seed, code, now));
    return step.isPresent() && record(serialNumber, step.getAsLong());
  }

  /**
   * Whether {@code code1} and {@code code2} are the device's codes for two consecutive steps around
   * now, neither accepted before; both steps are then recorded as used.
   */
  public boolean acceptConsecutive(String serialNumber, String code1, String code2) {
    Instant now = clock.instant();
    OptionalLong first = withSeed(serialNumber, seed -> totp.consecutiveSteps(seed, code1, code2, now));
    if (first.isEmpty()) {
      return false;
    }
    long t = first.getAsLong();
    boolean fresh1 = record(serialNumber, t);
    boolean fresh2 = record(serialNumber, t + 1);
    return fresh1 && fresh2;
  }

  private boolean record(String serialNumber, long step) {
    // A code of step s is accepted until step s + 1 ends; the record must outlive that.
    return store.recordOnce("mfa:" + serialNumber + ":" + step, totp.endOf(step + 1));
  }

  private interface SeedCheck {
    OptionalLong check(byte[] seed);
  }

  private OptionalLong withSeed(String serialNumber, SeedCheck check) {
    Optional<Secret> seed = store.mfaDevices().seed(serialNumber);
    if (seed.isEmpty()) {
      return OptionalLong.empty();
    }
    byte[] bytes = seed.get().bytes();
    try {
      return check.check(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
