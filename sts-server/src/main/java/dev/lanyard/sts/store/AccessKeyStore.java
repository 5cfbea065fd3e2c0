package dev.lanyard.sts.store;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.store.model.AccessKey;
import dev.lanyard.sts.store.model.AccessKeySecret;
import dev.lanyard.sts.store.model.AccessKeyStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Long-term access keys (at most {@link IamLimits#ACCESS_KEYS_PER_USER} per user); secrets sealed at rest. */
public interface AccessKeyStore {
    /** CreateAccessKey: a new AKIA key id and 40-character secret, returned this once. */
    AccessKeySecret create(String accountId, String userName);

    /** Stores a given key pair (bootstrap files, tests); the id must be AKIA + 16 of [A-Z2-7]. */
    AccessKey importKey(String accountId, String userName, String accessKeyId, Secret secretAccessKey);

    Optional<AccessKey> get(String accessKeyId);

    /** The key with its unsealed secret, for verifying a signature. */
    Optional<AccessKeySecret> secret(String accessKeyId);

    List<AccessKey> listForUser(String accountId, String userName);

    AccessKey setStatus(String accountId, String userName, String accessKeyId, AccessKeyStatus status);

    void delete(String accountId, String userName, String accessKeyId);

    /** Records the last use (not a logged change: it does not alter authorisation). */
    void recordUse(String accessKeyId, Instant when, String serviceName, String region);
}
