package dev.lanyard.sts.keys;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The facts rotation decides on: a key's id, state, and when it was created (and published), began
 * signing and stopped signing. Instants are kept to the millisecond, as stores keep them.
 *
 * <p>A NEXT key has neither {@code activatedAt} nor {@code retiredAt}; an ACTIVE key has
 * {@code activatedAt} only; a RETIRED key has {@code retiredAt}.
 */
public record KeyLifecycle(
    String id, KeyState state, Instant createdAt, Instant activatedAt, Instant retiredAt) {

  public KeyLifecycle {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("key id: must be a non-blank string");
    }
    Objects.requireNonNull(state, "key state");
    Objects.requireNonNull(createdAt, "key createdAt");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    activatedAt = activatedAt == null ? null : activatedAt.truncatedTo(ChronoUnit.MILLIS);
    retiredAt = retiredAt == null ? null : retiredAt.truncatedTo(ChronoUnit.MILLIS);
    switch (state) {
      case NEXT -> require(activatedAt == null && retiredAt == null, id,
          "a NEXT key has neither activatedAt nor retiredAt");
      case ACTIVE -> require(activatedAt != null && retiredAt == null, id,
          "an ACTIVE key has activatedAt and no retiredAt");
      case RETIRED -> require(retiredAt != null, id, "a RETIRED key has retiredAt");
    }
    require(activatedAt == null || !activatedAt.isBefore(createdAt), id,
        "activatedAt must not be before createdAt");
    require(retiredAt == null || !retiredAt.isBefore(activatedAt == null ? createdAt : activatedAt),
        id, "retiredAt must not be before activatedAt or createdAt");
  }

  /** A freshly created key, published and waiting to sign. */
  public static KeyLifecycle next(String id, Instant createdAt) {
    return new KeyLifecycle(id, KeyState.NEXT, createdAt, null, null);
  }

  /**
   * The lifecycle these dates describe, for stores that keep dates but no state column: RETIRED
   * when {@code retiredAt} is set, else ACTIVE when {@code activatedAt} is set, else NEXT.
   */
  public static KeyLifecycle fromDates(
      String id, Instant createdAt, Instant activatedAt, Instant retiredAt) {
    KeyState state = retiredAt != null ? KeyState.RETIRED
        : activatedAt != null ? KeyState.ACTIVE : KeyState.NEXT;
    return new KeyLifecycle(id, state, createdAt, activatedAt, retiredAt);
  }

  /** This NEXT key, now ACTIVE from {@code at}. */
  public KeyLifecycle activated(Instant at) {
    if (state != KeyState.NEXT) {
      throw new IllegalStateException("key " + id + ": only a NEXT key can become ACTIVE, not " + state);
    }
    return new KeyLifecycle(id, KeyState.ACTIVE, createdAt, at, null);
  }

  /** This key, RETIRED from {@code at}. */
  public KeyLifecycle retired(Instant at) {
    if (state == KeyState.RETIRED) {
      throw new IllegalStateException("key " + id + ": already RETIRED");
    }
    return new KeyLifecycle(id, KeyState.RETIRED, createdAt, activatedAt, at);
  }

  private static void require(boolean condition, String id, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("key " + id + ": " + problem);
    }
  }
}
