package dev.lanyard.sts.keys.persistence;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.keys.DataKey;
import dev.lanyard.sts.keys.KeyAlgorithm;
import dev.lanyard.sts.keys.KeyChanges;
import dev.lanyard.sts.keys.KeyLifecycle;
import dev.lanyard.sts.keys.KeyRingChanges;
import dev.lanyard.sts.keys.KeyRingRepository;
import dev.lanyard.sts.keys.KeyState;
import dev.lanyard.sts.keys.SigningKey;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.model.KeyRingUpdate;
import dev.lanyard.sts.store.model.RingChanges;
import dev.lanyard.sts.store.model.RingDataKey;
import dev.lanyard.sts.store.model.RingSigningKey;
import dev.lanyard.sts.store.model.SigningKeyState;
import dev.lanyard.sts.store.model.StoredKeyLifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The key rings in the IAM store, shared by every node that uses the same database. Keys are stored
 * as the keys package made them (id, lifecycle, material sealed under the store's key-encryption key);
 * {@link #apply} writes both rings in one store transaction.
 */
public final class StoreKeyRingRepository implements KeyRingRepository {
    private final IamStore store;

    public StoreKeyRingRepository(IamStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<SigningKey> signingKeys() {
        List<SigningKey> keys = new ArrayList<>();
        for (RingSigningKey row : store.signingKeys().ring()) {
            byte[] material = row.privateKey().bytes();
            try {
                keys.add(SigningKey.restore(lifecycle(row.lifecycle()), algorithm(row), material));
            } finally {
                Arrays.fill(material, (byte) 0);
            }
        }
        return keys;
    }

    @Override
    public List<DataKey> dataKeys() {
        List<DataKey> keys = new ArrayList<>();
        for (RingDataKey row : store.dataKeys().ring()) {
            byte[] material = row.material().bytes();
            try {
                keys.add(DataKey.restore(lifecycle(row.lifecycle()), material));
            } finally {
                Arrays.fill(material, (byte) 0);
            }
        }
        return keys;
    }

    /**
     * Writes the changes in one store transaction.
     *
     * @throws IllegalStateException when an added id is already stored or a changed id is not; the
     *     store is left as it was
     */
    @Override
    public void apply(KeyRingChanges changes) {
        Objects.requireNonNull(changes, "changes");
        KeyRingUpdate update = new KeyRingUpdate(
                ringChanges(changes.signing(), StoreKeyRingRepository::row),
                ringChanges(changes.data(), StoreKeyRingRepository::row));
        try {
            store.applyKeyRingChanges(update);
        } catch (LanyardException e) {
            if (e.code() == AwsErrorCode.EntityAlreadyExists || e.code() == AwsErrorCode.NoSuchEntity) {
                throw new IllegalStateException("key rings: " + e.getMessage(), e);
            }
            throw e;
        } finally {
            update.signing().added().forEach(k -> k.privateKey().destroy());
            update.data().added().forEach(k -> k.material().destroy());
        }
    }

    private static <K, R> RingChanges<R> ringChanges(KeyChanges<K> changes, Function<K, R> toRow) {
        return new RingChanges<>(changes.added().stream().map(toRow).toList(),
                changes.changed().stream().map(StoreKeyRingRepository::stored).toList(), changes.removed());
    }

    private static RingSigningKey row(SigningKey key) {
        byte[] material = key.exportPrivateKeyForSealing();
        try {
            return new RingSigningKey(stored(key.lifecycle()), key.algorithm().jwsAlgorithm().getName(),
                    key.publicJwk().toJSONString(), Secret.ofBytes(material));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static RingDataKey row(DataKey key) {
        byte[] material = key.exportKeyForSealing();
        try {
            return new RingDataKey(stored(key.lifecycle()), Secret.ofBytes(material));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static StoredKeyLifecycle stored(KeyLifecycle lifecycle) {
        return new StoredKeyLifecycle(lifecycle.id(), SigningKeyState.valueOf(lifecycle.state().name()),
                lifecycle.createdAt(), lifecycle.activatedAt(), lifecycle.retiredAt());
    }

    private static KeyLifecycle lifecycle(StoredKeyLifecycle stored) {
        return new KeyLifecycle(stored.id(), KeyState.valueOf(stored.state().name()), stored.createdAt(),
                stored.activatedAt(), stored.retiredAt());
    }

    /** The key algorithm of a stored JOSE algorithm name ("EdDSA", "ES256"). */
    private static KeyAlgorithm algorithm(RingSigningKey row) {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            if (algorithm.jwsAlgorithm().getName().equals(row.algorithm())) {
                return algorithm;
            }
        }
        throw new IllegalStateException("signing key " + row.kid() + ": the stored algorithm " + row.algorithm()
                + " is not supported; expected EdDSA (Ed25519) or ES256");
    }
}
