package dev.lanyard.sts.store.model;

import java.util.Objects;

/** One rotation's changes to the signing ring and the data-key ring, written in one transaction. */
public record KeyRingUpdate(RingChanges<RingSigningKey> signing, RingChanges<RingDataKey> data) {
    public KeyRingUpdate {
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(data, "data");
    }

    public boolean isEmpty() {
        return signing.isEmpty() && data.isEmpty();
    }
}
