package dev.lanyard.sts.keys;

import java.util.Objects;

/** One rotation's changes to both rings, applied together by {@link KeyRingRepository#apply}. */
public record KeyRingChanges(KeyChanges<SigningKey> signing, KeyChanges<DataKey> data) {
  public KeyRingChanges {
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(data, "data");
  }

  public boolean isEmpty() {
    return signing.isEmpty() && data.isEmpty();
  }
}
