package dev.lanyard.sts.store;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.model.DataKey;
import dev.lanyard.sts.store.model.RingDataKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Data keys (AES-256) for sealing session secrets inside tokens; material sealed at rest. Each key has
 * the states of a signing key (NEXT, ACTIVE, RETIRED); keys of the rotated ring are written with
 * {@link IamStore#applyKeyRingChanges} and read with {@link #ring()}.
 */
public interface DataKeyStore {
    /** A new random 256-bit data key with a new id, ACTIVE at once and usable until {@code expiresAt}. */
    DataKey create(Instant expiresAt);

    Optional<DataKey> get(String id);

    /** The unsealed key material. */
    Optional<Secret> material(String id);

    /** All data keys, oldest first. */
    List<DataKey> list();

    /** Every data key with its lifecycle and unsealed material, oldest first (one read). */
    List<RingDataKey> ring();

    void delete(String id);
}
