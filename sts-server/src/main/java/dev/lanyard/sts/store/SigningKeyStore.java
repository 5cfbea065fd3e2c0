package dev.lanyard.sts.store;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.model.NewSigningKey;
import dev.lanyard.sts.store.model.RingSigningKey;
import dev.lanyard.sts.store.model.SigningKey;

import java.util.List;
import java.util.Optional;

/**
 * The shared token-signing key ring: keys in state NEXT, ACTIVE or RETIRED; private keys sealed. The
 * single-key methods keep at most one key ACTIVE; keys of the rotated ring are written as given with
 * {@link IamStore#applyKeyRingChanges} and read with {@link #ring()}.
 */
public interface SigningKeyStore {
    /** Stores a new key in state NEXT. */
    SigningKey add(NewSigningKey key);

    Optional<SigningKey> get(String kid);

    /** All keys, oldest first. */
    List<SigningKey> list();

    /** Every key with its lifecycle and unsealed private key, oldest first (one read). */
    List<RingSigningKey> ring();

    Optional<SigningKey> active();

    /** The key's unsealed private key material. */
    Optional<Secret> privateKey(String kid);

    /** Makes a NEXT key ACTIVE and retires the previously active key, in one transaction. */
    SigningKey activate(String kid);

    SigningKey retire(String kid);

    /** Deletes a RETIRED key ({@code DeleteConflict} otherwise). */
    void delete(String kid);
}
