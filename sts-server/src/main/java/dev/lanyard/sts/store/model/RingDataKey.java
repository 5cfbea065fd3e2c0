package dev.lanyard.sts.store.model;

import dev.lanyard.sts.crypto.Secret;

import java.util.Objects;

/** A data key of the rotated ring with its lifecycle and key bytes (sealed at rest, unsealed here; never printed). */
public record RingDataKey(StoredKeyLifecycle lifecycle, Secret material) {
    public RingDataKey {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(material, "material");
    }

    public String id() {
        return lifecycle.id();
    }
}
