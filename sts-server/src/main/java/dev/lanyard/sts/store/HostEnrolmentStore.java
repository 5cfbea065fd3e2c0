package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.HostInstance;
import dev.lanyard.sts.store.model.JoinToken;

import java.time.Instant;
import java.util.Optional;

/** One-time host join tokens (stored as hashes) and the host instances enrolled with them. */
public interface HostEnrolmentStore {
    /** Stores a join token's hash for an existing instance profile, valid until {@code expiresAt}. */
    JoinToken createJoinToken(String accountId, String tokenHash, String instanceProfileName, Instant expiresAt);

    Optional<JoinToken> joinToken(String tokenHash);

    /**
     * Uses a join token once and enrols the host, in one transaction: a new instance id ({@code i-} and
     * 17 hex digits). {@code AccessDenied} when the token is unknown, used or expired.
     */
    HostInstance enrol(String tokenHash, String hostPublicKey);

    Optional<HostInstance> instance(String instanceId);

    Page<HostInstance> instances(String accountId, PageRequest page);

    /** Records a credential refresh (not a logged change). */
    void recordRefresh(String instanceId, Instant when);

    HostInstance revoke(String instanceId);

    /** Deletes tokens that expired before now; returns how many. */
    int purgeExpiredJoinTokens();
}
