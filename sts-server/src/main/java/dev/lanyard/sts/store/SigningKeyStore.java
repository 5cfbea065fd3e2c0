package dev.lanyard.sts.store;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.model.NewSigningKey;
import dev.lanyard.sts.store.model.SigningKey;

import java.util.List;
import java.util.Optional;

/** The shared token-signing key ring: keys in state NEXT, ACTIVE (at most one) or RETIRED; private keys sealed. */
public interface SigningKeyStore {
    /** Stores a new key in state NEXT. */
    SigningKey add(NewSigningKey key);

    Optional<SigningKey> get(String kid);

    /** All keys, oldest first. */
    List<SigningKey> list();

    Optional<SigningKey> active();

    /** The key's unsealed private key material. */
    Optional<Secret> privateKey(String kid);

    /** Makes a NEXT key ACTIVE and retires the previously active key, in one transaction. */
    SigningKey activate(String kid);

    SigningKey retire(String kid);

    /** Deletes a RETIRED key ({@code DeleteConflict} otherwise). */
    void delete(String kid);
}
