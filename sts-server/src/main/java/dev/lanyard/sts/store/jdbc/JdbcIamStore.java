package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.IamArns;

import dev.lanyard.sts.crypto.SecretSealer;
import dev.lanyard.sts.store.AccessKeyStore;
import dev.lanyard.sts.store.AccountStore;
import dev.lanyard.sts.store.Change;
import dev.lanyard.sts.store.DataKeyStore;
import dev.lanyard.sts.store.GroupStore;
import dev.lanyard.sts.store.HostEnrolmentStore;
import dev.lanyard.sts.store.IamStore;
import dev.lanyard.sts.store.InstanceProfileStore;
import dev.lanyard.sts.store.ManagedPolicyStore;
import dev.lanyard.sts.store.MfaDeviceStore;
import dev.lanyard.sts.store.OidcProviderStore;
import dev.lanyard.sts.store.PrincipalPolicyStore;
import dev.lanyard.sts.store.RoleStore;
import dev.lanyard.sts.store.SamlProviderStore;
import dev.lanyard.sts.store.SigningKeyStore;
import dev.lanyard.sts.store.UserStore;
import dev.lanyard.sts.store.model.IamEntity;
import dev.lanyard.sts.store.model.KeyRingUpdate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IAM store on H2 or PostgreSQL. {@link #open} migrates the schema (Flyway, {@code db/migration})
 * and starts a HikariCP pool. Dates come from the injected {@link Clock}, ids and secrets from the
 * injected {@link SecureRandom}; secrets are sealed by the given {@link SecretSealer}.
 */
public final class JdbcIamStore implements IamStore {
    private final JdbcStoreConfig config;
    private final Database db;
    private final JdbcAccountStore accounts;
    private final JdbcUserStore users;
    private final JdbcGroupStore groups;
    private final JdbcRoleStore roles;
    private final JdbcManagedPolicyStore managedPolicies;
    private final JdbcPrincipalPolicyStore principalPolicies;
    private final JdbcAccessKeyStore accessKeys;
    private final JdbcMfaDeviceStore mfaDevices;
    private final JdbcInstanceProfileStore instanceProfiles;
    private final JdbcOidcProviderStore oidcProviders;
    private final JdbcSamlProviderStore samlProviders;
    private final JdbcHostEnrolmentStore hostEnrolment;
    private final JdbcSigningKeyStore signingKeys;
    private final JdbcDataKeyStore dataKeys;
    private final ReplayRecords replay;
    private final KeyRingRows keyRings;

    private JdbcIamStore(JdbcStoreConfig config, Database db, SecretSealer sealer, SecureRandom random) {
        this.config = config;
        this.db = db;
        JdbcContext ctx = new JdbcContext(db, new IamArns(config.partition()), new IamIds(random), sealer);
        this.accounts = new JdbcAccountStore(ctx);
        this.users = new JdbcUserStore(ctx);
        this.groups = new JdbcGroupStore(ctx);
        this.roles = new JdbcRoleStore(ctx);
        this.managedPolicies = new JdbcManagedPolicyStore(ctx);
        this.principalPolicies = new JdbcPrincipalPolicyStore(ctx);
        this.accessKeys = new JdbcAccessKeyStore(ctx);
        this.mfaDevices = new JdbcMfaDeviceStore(ctx);
        this.instanceProfiles = new JdbcInstanceProfileStore(ctx);
        this.oidcProviders = new JdbcOidcProviderStore(ctx);
        this.samlProviders = new JdbcSamlProviderStore(ctx);
        this.hostEnrolment = new JdbcHostEnrolmentStore(ctx);
        this.signingKeys = new JdbcSigningKeyStore(ctx);
        this.dataKeys = new JdbcDataKeyStore(ctx);
        this.replay = new ReplayRecords(db);
        this.keyRings = new KeyRingRows(ctx);
    }

    /** Migrates the schema and opens the store. Fails with {@code ServiceUnavailable} when the database is unreachable. */
    public static JdbcIamStore open(JdbcStoreConfig config, SecretSealer sealer, Clock clock, SecureRandom random) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sealer, "sealer");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        return new JdbcIamStore(config, Database.open(config, clock), sealer, random);
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public GroupStore groups() {
        return groups;
    }

    @Override
    public RoleStore roles() {
        return roles;
    }

    @Override
    public ManagedPolicyStore managedPolicies() {
        return managedPolicies;
    }

    @Override
    public PrincipalPolicyStore principalPolicies() {
        return principalPolicies;
    }

    @Override
    public AccessKeyStore accessKeys() {
        return accessKeys;
    }

    @Override
    public MfaDeviceStore mfaDevices() {
        return mfaDevices;
    }

    @Override
    public InstanceProfileStore instanceProfiles() {
        return instanceProfiles;
    }

    @Override
    public OidcProviderStore oidcProviders() {
        return oidcProviders;
    }

    @Override
    public SamlProviderStore samlProviders() {
        return samlProviders;
    }

    @Override
    public HostEnrolmentStore hostEnrolment() {
        return hostEnrolment;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    @Override
    public DataKeyStore dataKeys() {
        return dataKeys;
    }

    @Override
    public String partition() {
        return config.partition();
    }

    @Override
    public long currentVersion() {
        return db.currentVersion();
    }

    @Override
    public List<Change> changesSince(long version, int limit) {
        return db.changesSince(version, limit);
    }

    @Override
    public void applyKeyRingChanges(KeyRingUpdate update) {
        keyRings.apply(update);
    }

    @Override
    public boolean recordOnce(String id, Instant expiresAt) {
        return replay.recordOnce(id, expiresAt);
    }

    @Override
    public int purgeExpiredReplayRecords() {
        return replay.purgeExpired();
    }

    @Override
    public Optional<IamEntity> findByArn(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam")) {
            return Optional.empty();
        }
        String resource = parts[5];
        String type = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
        Optional<? extends IamEntity> found = switch (type) {
            case "user" -> users.getByArn(arn);
            case "group" -> groups.getByArn(arn);
            case "role" -> roles.getByArn(arn);
            case "policy" -> managedPolicies.get(arn);
            case "instance-profile" -> instanceProfiles.getByArn(arn);
            case "oidc-provider" -> oidcProviders.get(arn);
            case "saml-provider" -> samlProviders.get(arn);
            case "mfa" -> mfaDevices.get(arn);
            default -> Optional.empty();
        };
        return found.map(IamEntity.class::cast);
    }

    @Override
    public Optional<IamEntity> findByUniqueId(String uniqueId) {
        if (uniqueId == null || uniqueId.length() < 5) {
            return Optional.empty();
        }
        Optional<? extends IamEntity> found = switch (uniqueId.substring(0, 4)) {
            case IamIds.USER -> users.getById(uniqueId);
            case IamIds.GROUP -> groups.getById(uniqueId);
            case IamIds.ROLE -> roles.getById(uniqueId);
            case IamIds.POLICY -> managedPolicies.getById(uniqueId);
            case IamIds.INSTANCE_PROFILE -> instanceProfiles.getById(uniqueId);
            default -> Optional.empty();
        };
        return found.map(IamEntity.class::cast);
    }

    /** True when the store is on PostgreSQL (a cluster may share it), false on embedded H2 (one process). */
    public boolean isPostgres() {
        return config.isPostgres();
    }

    /**
     * A new connection outside the pool, for session-scoped state such as a PostgreSQL advisory lock.
     * Closing it ends the database session and so releases that state; the caller must close it.
     * Fails with {@code ServiceUnavailable} when the database is unreachable.
     */
    public java.sql.Connection openDedicatedConnection() {
        return db.openSession();
    }

    /** The pooled data source (tests read raw columns through it). */
    javax.sql.DataSource dataSource() {
        return db.dataSource();
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "JdbcIamStore[" + config + "]";
    }
}
