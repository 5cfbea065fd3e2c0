package dev.lanyard.sts.store;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.model.DataKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Data keys (AES-256) for sealing session secrets inside tokens; material sealed at rest. */
public interface DataKeyStore {
    /** A new random 256-bit data key with a new id, usable until {@code expiresAt}. */
    DataKey create(Instant expiresAt);

    Optional<DataKey> get(String id);

    /** The unsealed key material. */
    Optional<Secret> material(String id);

    /** All data keys, oldest first. */
    List<DataKey> list();

    void delete(String id);
}
