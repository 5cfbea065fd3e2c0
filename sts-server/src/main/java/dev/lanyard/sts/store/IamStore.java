package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.IamEntity;
import dev.lanyard.sts.store.model.KeyRingUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The IAM store: every entity of the data model, grouped per kind, plus the change log and the replay
 * cache. Each write is one transaction that bumps the store version and appends a {@link Change}.
 * Failures are {@link dev.lanyard.sts.error.LanyardException}s: {@code NoSuchEntity},
 * {@code EntityAlreadyExists}, {@code LimitExceeded}, {@code DeleteConflict},
 * {@code ConcurrentModification} (retryable), {@code ValidationError}/{@code InvalidInput},
 * {@code ServiceUnavailable} (retryable) when the database cannot be reached.
 */
public interface IamStore extends AutoCloseable {
    AccountStore accounts();

    UserStore users();

    GroupStore groups();

    RoleStore roles();

    ManagedPolicyStore managedPolicies();

    PrincipalPolicyStore principalPolicies();

    AccessKeyStore accessKeys();

    MfaDeviceStore mfaDevices();

    InstanceProfileStore instanceProfiles();

    OidcProviderStore oidcProviders();

    SamlProviderStore samlProviders();

    HostEnrolmentStore hostEnrolment();

    SigningKeyStore signingKeys();

    DataKeyStore dataKeys();

    /** The ARN partition used for new ARNs (default {@code aws}). */
    String partition();

    /** The store version: the version of the latest committed change (0 for an empty store). */
    long currentVersion();

    /** Up to {@code limit} changes with a version greater than {@code version}, oldest first. */
    List<Change> changesSince(long version, int limit);

    /**
     * Writes one rotation's changes to both key rings in one transaction, in this order: additions (as
     * given: id, lifecycle, material sealed at rest), lifecycle overwrites in list order, removals (an
     * id not stored is ignored). {@code EntityAlreadyExists} when an added id is stored,
     * {@code NoSuchEntity} when a changed id is not; nothing is written then. One change is logged.
     */
    void applyKeyRingChanges(KeyRingUpdate update);

    /**
     * Records a one-time id (an assertion id, a nonce) until {@code expiresAt}: true the first time,
     * false while an unexpired record exists. Atomic across nodes sharing the database.
     */
    boolean recordOnce(String id, Instant expiresAt);

    /** Deletes expired replay records; returns how many. */
    int purgeExpiredReplayRecords();

    /** The user, group, role, managed policy, instance profile, provider or MFA device with this ARN. */
    Optional<IamEntity> findByArn(String arn);

    /** The user (AIDA), group (AGPA), role (AROA), policy (ANPA) or instance profile (AIPA) with this unique id. */
    Optional<IamEntity> findByUniqueId(String uniqueId);

    /** Releases the connection pool. */
    @Override
    void close();
}
