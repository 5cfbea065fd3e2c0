package dev.lanyard.sts.agent;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.IamStore;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Fresh, time-bound, one-time challenges, shared by every node through the store's replay records.
 *
 * <p>A challenge is {@code 0x01 | expiry (epoch seconds, 8 bytes big-endian) | 32 random bytes}.
 * Issuing records {@code issued:<instance>:<challenge>} until the expiry. Redeeming first records
 * {@code used:<instance>:<challenge>} (false: a replay), then records the issued marker again, which
 * must fail because the marker exists (true: the challenge was never issued for this instance; the
 * used marker already written makes any second attempt with it a replay). Both markers expire with
 * the challenge, so the records stay bounded, and a node may redeem what another node issued.
 */
final class InstanceChallenges {
  static final byte VERSION = 1;
  static final int NONCE_BYTES = 32;
  static final int LENGTH = 1 + Long.BYTES + NONCE_BYTES;
  /** Clock difference between nodes tolerated on the expiry a challenge claims. */
  private static final Duration SKEW = Duration.ofSeconds(5);

  private final IamStore store;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration lifetime;

  InstanceChallenges(IamStore store, Clock clock, SecureRandom random, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime: must be positive, got " + lifetime);
    }
    this.store = store;
    this.clock = clock;
    this.random = random;
    this.lifetime = lifetime;
  }

  /** A new challenge for {@code instanceId}. */
  InstanceChallenge issue(String instanceId) {
    Instant expiry = clock.instant().plus(lifetime).plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] challenge = ByteBuffer.allocate(LENGTH).put(VERSION).putLong(expiry.getEpochSecond()).put(nonce).array();
    if (!store.recordOnce(marker("issued", instanceId, challenge), expiry)) {
      throw new LanyardException(AwsErrorCode.ServiceUnavailable, "could not record a new challenge; retry", true);
    }
    return new InstanceChallenge(challenge, expiry);
  }

  /**
   * Checks the form and the expiry a challenge claims, before any signature work: {@code
   * ValidationError} when malformed, {@code ExpiredToken} when stale.
   */
  Instant checkFresh(byte[] challenge) {
    if (challenge.length != LENGTH || challenge[0] != VERSION) {
      throw new LanyardException(AwsErrorCode.ValidationError, "challenge has " + challenge.length
          + " bytes or an unknown version; accepted: the bytes GetInstanceChallenge returned, unchanged");
    }
    Instant expiry = Instant.ofEpochSecond(ByteBuffer.wrap(challenge, 1, Long.BYTES).getLong());
    Instant now = clock.instant();
    if (!now.isBefore(expiry)) {
      throw new LanyardException(AwsErrorCode.ExpiredToken, "challenge expired at " + expiry
          + "; ask GetInstanceChallenge for a fresh one and sign it within " + lifetime.toSeconds() + " seconds");
    }
    if (expiry.isAfter(now.plus(lifetime).plus(SKEW).plusSeconds(1))) {
      throw notIssued();
    }
    return expiry;
  }

  /**
   * Redeems a fresh challenge whose signature has been verified: {@code AccessDenied} when it was
   * already used or never issued for this instance.
   */
  void redeem(String instanceId, byte[] challenge, Instant expiry) {
    if (!store.recordOnce(marker("used", instanceId, challenge), expiry)) {
      throw new LanyardException(AwsErrorCode.AccessDenied,
          "challenge was already used; a challenge is valid once: ask GetInstanceChallenge for a fresh one");
    }
    if (store.recordOnce(marker("issued", instanceId, challenge), expiry)) {
      throw notIssued();
    }
  }

  private static LanyardException notIssued() {
    return new LanyardException(AwsErrorCode.AccessDenied,
        "challenge was not issued for this instance; sign the bytes GetInstanceChallenge returned for it");
  }

  private static String marker(String kind, String instanceId, byte[] challenge) {
    return "instance-challenge:" + kind + ":" + instanceId + ":"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(challenge);
  }
}
