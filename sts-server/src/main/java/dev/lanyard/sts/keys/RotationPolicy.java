package dev.lanyard.sts.keys;

import java.time.Duration;
import java.util.Objects;

/**
 * How keys rotate.
 *
 * @param rotationPeriod how long a key stays ACTIVE before the NEXT key replaces it (default 24 h)
 * @param publicationLead the least time a key is published as NEXT before it may become ACTIVE
 *     (default 1 h). Lanyard keeps one NEXT key waiting at all times, so a key is normally
 *     published for a whole rotation period before it signs; the lead time is the floor the
 *     rotator enforces whatever happens (a new ring, a deleted NEXT key, a shortened period). Every
 *     node must reload its rings well within it.
 * @param maxTokenLifetime the longest a token may live, and so how long a RETIRED key stays
 *     published (default 36 h: GetFederationToken and GetSessionToken allow up to 36 h, a role
 *     session up to 12 h). The issuer refuses longer sessions.
 */
public record RotationPolicy(
    Duration rotationPeriod, Duration publicationLead, Duration maxTokenLifetime) {

  /** 24 h rotation, 1 h publication lead, 36 h token lifetime. */
  public static final RotationPolicy DEFAULT =
      new RotationPolicy(Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(36));

  public RotationPolicy {
    requirePositive(rotationPeriod, "rotationPeriod");
    requirePositive(publicationLead, "publicationLead");
    requirePositive(maxTokenLifetime, "maxTokenLifetime");
    if (publicationLead.compareTo(rotationPeriod) > 0) {
      throw new IllegalArgumentException("key rotation: publicationLead (" + publicationLead
          + ") must not exceed rotationPeriod (" + rotationPeriod + ")");
    }
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "key rotation: " + name + " must be a positive duration, got " + value);
    }
  }
}
