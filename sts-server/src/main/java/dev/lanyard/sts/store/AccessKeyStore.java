package dev.lanyard.sts.store;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.model.AccessKey;
import dev.lanyard.sts.store.model.AccessKeySecret;
import dev.lanyard.sts.store.model.AccessKeyStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Long-term access keys (at most {@link IamLimits#ACCESS_KEYS_PER_USER} per user, and as many for the
 * account root); secrets sealed at rest. A root key is an {@link AccessKey} with no user
 * ({@link AccessKey#root()}); {@link #get}, {@link #secret} and {@link #recordUse} serve both kinds.
 */
public interface AccessKeyStore {
    /** CreateAccessKey: a new AKIA key id and 40-character secret, returned this once. */
    AccessKeySecret create(String accountId, String userName);

    /** Stores a given key pair (bootstrap files, tests); the id must be AKIA + 16 of [A-Z2-7]. */
    AccessKey importKey(String accountId, String userName, String accessKeyId, Secret secretAccessKey);

    /** CreateAccessKey for the account root: a new key pair, returned this once; {@code LimitExceeded} beyond 2. */
    AccessKeySecret createForRoot(String accountId);

    /** Stores a given key pair for the account root (first start, bootstrap files, tests). */
    AccessKey importRootKey(String accountId, String accessKeyId, Secret secretAccessKey);

    Optional<AccessKey> get(String accessKeyId);

    /** The key with its unsealed secret, for verifying a signature. */
    Optional<AccessKeySecret> secret(String accessKeyId);

    List<AccessKey> listForUser(String accountId, String userName);

    /** The account root's keys, oldest first ({@code NoSuchEntity} when the account does not exist). */
    List<AccessKey> listForRoot(String accountId);

    AccessKey setStatus(String accountId, String userName, String accessKeyId, AccessKeyStatus status);

    /** Sets the status of one of the account root's keys ({@code NoSuchEntity} for a user's key). */
    AccessKey setRootKeyStatus(String accountId, String accessKeyId, AccessKeyStatus status);

    void delete(String accountId, String userName, String accessKeyId);

    /** Deletes one of the account root's keys ({@code NoSuchEntity} for a user's key). */
    void deleteRootKey(String accountId, String accessKeyId);

    /** Records the last use (not a logged change: it does not alter authorisation). */
    void recordUse(String accessKeyId, Instant when, String serviceName, String region);
}
