package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.AccessKeyStore;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.IamLimits;
import dev.lanyard.sts.store.model.AccessKey;
import dev.lanyard.sts.store.model.AccessKeyLastUsed;
import dev.lanyard.sts.store.model.AccessKeySecret;
import dev.lanyard.sts.store.model.AccessKeyStatus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Access keys on JDBC; secrets sealed under {@code access-key:<id>}. A key of the account root has a
 * NULL {@code user_id}; writes lock the owning user's row, or the account's row for root keys, so
 * the two-keys limit cannot be raced past.
 */
final class JdbcAccessKeyStore implements AccessKeyStore {
    private static final String SELECT = "SELECT k.*, u.name AS user_name FROM access_key k LEFT JOIN iam_user u ON u.id = k.user_id";

    /** Whose keys a write concerns: an IAM user ({@code userName} non-null) or the account root. */
    private record Owner(String accountId, String userName) {
        static Owner root(String accountId) {
            return new Owner(accountId, null);
        }

        boolean root() {
            return userName == null;
        }

        /** The name the change log records. */
        String changeName() {
            return root() ? "root" : userName;
        }

        String describe() {
            return root() ? "the root of account " + accountId : "user " + userName;
        }
    }

    private final JdbcContext ctx;

    JdbcAccessKeyStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public AccessKeySecret create(String accountId, String userName) {
        return createFor(new Owner(accountId, IamInput.require("userName", userName)));
    }

    @Override
    public AccessKey importKey(String accountId, String userName, String accessKeyId, Secret secretAccessKey) {
        return importFor(new Owner(accountId, IamInput.require("userName", userName)), accessKeyId, secretAccessKey);
    }

    @Override
    public AccessKeySecret createForRoot(String accountId) {
        return createFor(Owner.root(accountId));
    }

    @Override
    public AccessKey importRootKey(String accountId, String accessKeyId, Secret secretAccessKey) {
        return importFor(Owner.root(accountId), accessKeyId, secretAccessKey);
    }

    private AccessKeySecret createFor(Owner owner) {
        String accessKeyId = ctx.ids().accessKeyId();
        Secret secret = Secret.ofUtf8(ctx.ids().secretAccessKey());
        AccessKey key = insert(owner, accessKeyId, secret);
        return new AccessKeySecret(key, secret);
    }

    private AccessKey importFor(Owner owner, String accessKeyId, Secret secretAccessKey) {
        if (!IamIds.isAccessKeyId(accessKeyId)) {
            throw new LanyardException(AwsErrorCode.ValidationError,
                    "accessKeyId is not accepted; expected AKIA followed by 16 characters of A-Z and 2-7", false);
        }
        IamInput.require("secretAccessKey", secretAccessKey);
        if (secretAccessKey.length() < 16 || secretAccessKey.length() > 128) {
            throw new LanyardException(AwsErrorCode.ValidationError,
                    "secretAccessKey has " + secretAccessKey.length() + " bytes; expected 16 to 128 (AWS uses 40)", false);
        }
        return insert(owner, accessKeyId, secretAccessKey);
    }

    private AccessKey insert(Owner owner, String accessKeyId, Secret secret) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = lockOwner(c, owner);
            long keys = owner.root()
                    ? Sql.count(c, "SELECT COUNT(*) FROM access_key WHERE account_id = ? AND user_id IS NULL", owner.accountId())
                    : Sql.count(c, "SELECT COUNT(*) FROM access_key WHERE user_id = ?", userId);
            if (keys >= IamLimits.ACCESS_KEYS_PER_USER) {
                throw IamInput.limit(owner.describe() + " already has " + keys + " access keys; at most "
                        + IamLimits.ACCESS_KEYS_PER_USER + " are allowed");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM access_key WHERE id = ?", accessKeyId) > 0) {
                throw SqlFailures.alreadyExists("access key " + accessKeyId);
            }
            String sealed = SealedColumns.seal(ctx.sealer(), SealedColumns.accessKey(accessKeyId), secret);
            Sql.update(c, "INSERT INTO access_key (id, account_id, user_id, status, secret_sealed, create_date)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", accessKeyId, owner.accountId(), userId, AccessKeyStatus.ACTIVE.name(),
                    sealed, tx.now());
            tx.changed(EntityKind.ACCESS_KEY, owner.accountId(), accessKeyId, owner.changeName(), ChangeOp.CREATE);
            return byId(c, accessKeyId).orElseThrow();
        });
    }

    @Override
    public Optional<AccessKey> get(String accessKeyId) {
        return ctx.db().read(c -> byId(c, accessKeyId));
    }

    @Override
    public Optional<AccessKeySecret> secret(String accessKeyId) {
        return ctx.db().read(c -> Sql.one(c, SELECT + " WHERE k.id = ?", rs -> new AccessKeySecret(map(rs),
                SealedColumns.unseal(ctx.sealer(), SealedColumns.accessKey(accessKeyId), rs.getString("secret_sealed"))),
                accessKeyId));
    }

    @Override
    public List<AccessKey> listForUser(String accountId, String userName) {
        return ctx.db().read(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM iam_user WHERE account_id = ? AND name_key = ?", accountId,
                    PrincipalRows.key(userName)) == 0) {
                throw SqlFailures.noSuch("user " + userName + " in account " + accountId);
            }
            return Sql.list(c, SELECT + " WHERE u.account_id = ? AND u.name_key = ? ORDER BY k.create_date, k.id",
                    JdbcAccessKeyStore::map, accountId, PrincipalRows.key(userName));
        });
    }

    @Override
    public List<AccessKey> listForRoot(String accountId) {
        return ctx.db().read(c -> {
            PrincipalRows.requireAccount(c, accountId);
            return Sql.list(c, SELECT + " WHERE k.account_id = ? AND k.user_id IS NULL ORDER BY k.create_date, k.id",
                    JdbcAccessKeyStore::map, accountId);
        });
    }

    @Override
    public AccessKey setStatus(String accountId, String userName, String accessKeyId, AccessKeyStatus status) {
        return updateStatus(new Owner(accountId, IamInput.require("userName", userName)), accessKeyId, status);
    }

    @Override
    public AccessKey setRootKeyStatus(String accountId, String accessKeyId, AccessKeyStatus status) {
        return updateStatus(Owner.root(accountId), accessKeyId, status);
    }

    private AccessKey updateStatus(Owner owner, String accessKeyId, AccessKeyStatus status) {
        IamInput.require("status", status);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = lockOwner(c, owner);
            int updated = owner.root()
                    ? Sql.update(c, "UPDATE access_key SET status = ? WHERE id = ? AND account_id = ? AND user_id IS NULL",
                            status.name(), accessKeyId, owner.accountId())
                    : Sql.update(c, "UPDATE access_key SET status = ? WHERE id = ? AND user_id = ?",
                            status.name(), accessKeyId, userId);
            if (updated == 0) {
                throw SqlFailures.noSuch("access key " + accessKeyId + " of " + owner.describe());
            }
            tx.changed(EntityKind.ACCESS_KEY, owner.accountId(), accessKeyId, owner.changeName(), ChangeOp.UPDATE);
            return byId(c, accessKeyId).orElseThrow();
        });
    }

    @Override
    public void delete(String accountId, String userName, String accessKeyId) {
        remove(new Owner(accountId, IamInput.require("userName", userName)), accessKeyId);
    }

    @Override
    public void deleteRootKey(String accountId, String accessKeyId) {
        remove(Owner.root(accountId), accessKeyId);
    }

    private void remove(Owner owner, String accessKeyId) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = lockOwner(c, owner);
            int deleted = owner.root()
                    ? Sql.update(c, "DELETE FROM access_key WHERE id = ? AND account_id = ? AND user_id IS NULL",
                            accessKeyId, owner.accountId())
                    : Sql.update(c, "DELETE FROM access_key WHERE id = ? AND user_id = ?", accessKeyId, userId);
            if (deleted == 0) {
                throw SqlFailures.noSuch("access key " + accessKeyId + " of " + owner.describe());
            }
            tx.changed(EntityKind.ACCESS_KEY, owner.accountId(), accessKeyId, owner.changeName(), ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public void recordUse(String accessKeyId, Instant when, String serviceName, String region) {
        IamInput.require("when", when);
        ctx.db().writeUnlogged(tx -> Sql.update(tx.connection(), "UPDATE access_key SET last_used_date = ?,"
                + " last_used_service = ?, last_used_region = ? WHERE id = ?", when, serviceName, region, accessKeyId));
    }

    /** Locks the owning user's row (returning its id) or, for the root, the account's row (returning null). */
    private static String lockOwner(Connection c, Owner owner) throws SQLException {
        if (!owner.root()) {
            return PrincipalRows.lockUser(c, owner.accountId(), owner.userName());
        }
        if (Sql.one(c, "SELECT id FROM account WHERE id = ? FOR UPDATE", rs -> rs.getString(1), owner.accountId()).isEmpty()) {
            throw SqlFailures.noSuch("account " + owner.accountId());
        }
        return null;
    }

    private static Optional<AccessKey> byId(Connection c, String accessKeyId) throws SQLException {
        return Sql.one(c, SELECT + " WHERE k.id = ?", JdbcAccessKeyStore::map, accessKeyId);
    }

    private static AccessKey map(ResultSet rs) throws SQLException {
        Instant lastUsed = Sql.instant(rs, "last_used_date");
        return new AccessKey(rs.getString("account_id"), rs.getString("user_name"), rs.getString("user_id"),
                rs.getString("id"), AccessKeyStatus.valueOf(rs.getString("status")), Sql.instant(rs, "create_date"),
                lastUsed == null ? null : new AccessKeyLastUsed(lastUsed, rs.getString("last_used_service"),
                        rs.getString("last_used_region")));
    }
}
