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

/** Access keys on JDBC; secrets sealed under {@code access-key:<id>}. */
final class JdbcAccessKeyStore implements AccessKeyStore {
    private static final String SELECT = "SELECT k.*, u.name AS user_name FROM access_key k JOIN iam_user u ON u.id = k.user_id";

    private final JdbcContext ctx;

    JdbcAccessKeyStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public AccessKeySecret create(String accountId, String userName) {
        String accessKeyId = ctx.ids().accessKeyId();
        Secret secret = Secret.ofUtf8(ctx.ids().secretAccessKey());
        AccessKey key = insert(accountId, userName, accessKeyId, secret);
        return new AccessKeySecret(key, secret);
    }

    @Override
    public AccessKey importKey(String accountId, String userName, String accessKeyId, Secret secretAccessKey) {
        if (!IamIds.isAccessKeyId(accessKeyId)) {
            throw new LanyardException(AwsErrorCode.ValidationError,
                    "accessKeyId is not accepted; expected AKIA followed by 16 characters of A-Z and 2-7", false);
        }
        if (secretAccessKey.length() < 16 || secretAccessKey.length() > 128) {
            throw new LanyardException(AwsErrorCode.ValidationError,
                    "secretAccessKey has " + secretAccessKey.length() + " bytes; expected 16 to 128 (AWS uses 40)", false);
        }
        return insert(accountId, userName, accessKeyId, secretAccessKey);
    }

    private AccessKey insert(String accountId, String userName, String accessKeyId, Secret secret) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = PrincipalRows.lockUser(c, accountId, userName);
            long keys = Sql.count(c, "SELECT COUNT(*) FROM access_key WHERE user_id = ?", userId);
            if (keys >= IamLimits.ACCESS_KEYS_PER_USER) {
                throw IamInput.limit("user " + userName + " already has " + keys + " access keys; at most "
                        + IamLimits.ACCESS_KEYS_PER_USER + " are allowed");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM access_key WHERE id = ?", accessKeyId) > 0) {
                throw SqlFailures.alreadyExists("access key " + accessKeyId);
            }
            String sealed = SealedColumns.seal(ctx.sealer(), SealedColumns.accessKey(accessKeyId), secret);
            Sql.update(c, "INSERT INTO access_key (id, account_id, user_id, status, secret_sealed, create_date)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", accessKeyId, accountId, userId, AccessKeyStatus.ACTIVE.name(), sealed, tx.now());
            tx.changed(EntityKind.ACCESS_KEY, accountId, accessKeyId, userName, ChangeOp.CREATE);
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
    public AccessKey setStatus(String accountId, String userName, String accessKeyId, AccessKeyStatus status) {
        IamInput.require("status", status);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = PrincipalRows.lockUser(c, accountId, userName);
            if (Sql.update(c, "UPDATE access_key SET status = ? WHERE id = ? AND user_id = ?", status.name(), accessKeyId, userId) == 0) {
                throw SqlFailures.noSuch("access key " + accessKeyId + " of user " + userName);
            }
            tx.changed(EntityKind.ACCESS_KEY, accountId, accessKeyId, userName, ChangeOp.UPDATE);
            return byId(c, accessKeyId).orElseThrow();
        });
    }

    @Override
    public void delete(String accountId, String userName, String accessKeyId) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            String userId = PrincipalRows.lockUser(c, accountId, userName);
            if (Sql.update(c, "DELETE FROM access_key WHERE id = ? AND user_id = ?", accessKeyId, userId) == 0) {
                throw SqlFailures.noSuch("access key " + accessKeyId + " of user " + userName);
            }
            tx.changed(EntityKind.ACCESS_KEY, accountId, accessKeyId, userName, ChangeOp.DELETE);
            return null;
        });
    }

    @Override
    public void recordUse(String accessKeyId, Instant when, String serviceName, String region) {
        IamInput.require("when", when);
        ctx.db().writeUnlogged(tx -> Sql.update(tx.connection(), "UPDATE access_key SET last_used_date = ?,"
                + " last_used_service = ?, last_used_region = ? WHERE id = ?", when, serviceName, region, accessKeyId));
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
