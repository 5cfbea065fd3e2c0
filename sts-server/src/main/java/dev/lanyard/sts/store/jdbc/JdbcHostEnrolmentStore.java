package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.HostEnrolmentStore;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.Page;
import dev.lanyard.sts.store.PageRequest;
import dev.lanyard.sts.store.model.HostInstance;
import dev.lanyard.sts.store.model.InstanceProfile;
import dev.lanyard.sts.store.model.JoinToken;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Join tokens and enrolled host instances on JDBC. */
final class JdbcHostEnrolmentStore implements HostEnrolmentStore {
    private static final Pattern TOKEN_HASH = Pattern.compile("[A-Za-z0-9_=+/-]{32,128}");
    private static final String TOKEN_SELECT = "SELECT t.*, p.name AS profile_name FROM join_token t"
            + " JOIN instance_profile p ON p.id = t.instance_profile_id";
    private static final String INSTANCE_SELECT = "SELECT h.*, p.name AS profile_name FROM host_instance h"
            + " JOIN instance_profile p ON p.id = h.instance_profile_id";

    private final JdbcContext ctx;

    JdbcHostEnrolmentStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public JoinToken createJoinToken(String accountId, String tokenHash, String instanceProfileName, Instant expiresAt) {
        requireHash(tokenHash);
        IamInput.require("expiresAt", expiresAt);
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            if (!expiresAt.isAfter(tx.now())) {
                throw new LanyardException(AwsErrorCode.InvalidParameterValue,
                        "expiresAt is not in the future; a join token must expire after it is created", false);
            }
            InstanceProfile profile = JdbcInstanceProfileStore.lock(c, accountId, instanceProfileName);
            if (Sql.count(c, "SELECT COUNT(*) FROM join_token WHERE token_hash = ?", tokenHash) > 0) {
                throw SqlFailures.alreadyExists("join token");
            }
            Sql.update(c, "INSERT INTO join_token (token_hash, account_id, instance_profile_id, create_date, expires_at, used)"
                    + " VALUES (?, ?, ?, ?, ?, FALSE)", tokenHash, accountId, profile.id(), tx.now(), expiresAt);
            tx.changed(EntityKind.JOIN_TOKEN, accountId, tokenHash, profile.name(), ChangeOp.CREATE);
            return tokenByHash(c, tokenHash).orElseThrow();
        });
    }

    @Override
    public Optional<JoinToken> joinToken(String tokenHash) {
        return ctx.db().read(c -> tokenByHash(c, tokenHash));
    }

    @Override
    public HostInstance enrol(String tokenHash, String hostPublicKey) {
        IamInput.require("hostPublicKey", hostPublicKey);
        if (hostPublicKey.isBlank() || hostPublicKey.length() > 16384) {
            throw new LanyardException(AwsErrorCode.ValidationError,
                    "hostPublicKey has " + hostPublicKey.length() + " characters; accepted: 1 to 16384 (a public key encoding)", false);
        }
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            Optional<JoinToken> found = Sql.one(c, "SELECT token_hash FROM join_token WHERE token_hash = ? FOR UPDATE",
                    rs -> rs.getString(1), tokenHash).isEmpty() ? Optional.empty() : tokenByHash(c, tokenHash);
            JoinToken token = found.filter(t -> !t.used() && t.expiresAt().isAfter(tx.now()))
                    .orElseThrow(() -> new LanyardException(AwsErrorCode.AccessDenied,
                            "the join token is unknown, already used or expired; ask for a new one", false));
            String instanceId = ctx.ids().instanceId();
            String profileId = Sql.one(c, "SELECT instance_profile_id FROM join_token WHERE token_hash = ?",
                    rs -> rs.getString(1), tokenHash).orElseThrow();
            Sql.update(c, "INSERT INTO host_instance (id, account_id, instance_profile_id, host_public_key, create_date, revoked)"
                    + " VALUES (?, ?, ?, ?, ?, FALSE)", instanceId, token.accountId(), profileId, hostPublicKey, tx.now());
            Sql.update(c, "UPDATE join_token SET used = TRUE, used_at = ?, instance_id = ? WHERE token_hash = ?",
                    tx.now(), instanceId, tokenHash);
            tx.changed(EntityKind.HOST_INSTANCE, token.accountId(), instanceId, token.instanceProfileName(), ChangeOp.CREATE);
            return instanceById(c, instanceId).orElseThrow();
        });
    }

    @Override
    public Optional<HostInstance> instance(String instanceId) {
        return ctx.db().read(c -> instanceById(c, instanceId));
    }

    @Override
    public Page<HostInstance> instances(String accountId, PageRequest page) {
        String after = Paging.after(page);
        return ctx.db().read(c -> Paging.page(Sql.list(c, INSTANCE_SELECT + " WHERE h.account_id = ? AND h.id > ?"
                + " ORDER BY h.id" + Paging.fetch(page), JdbcHostEnrolmentStore::mapInstance, accountId, after),
                page, HostInstance::instanceId));
    }

    @Override
    public void recordRefresh(String instanceId, Instant when) {
        IamInput.require("when", when);
        int rows = ctx.db().writeUnlogged(tx -> Sql.update(tx.connection(),
                "UPDATE host_instance SET last_refresh = ? WHERE id = ?", when, instanceId));
        if (rows == 0) {
            throw SqlFailures.noSuch("instance " + instanceId);
        }
    }

    @Override
    public HostInstance revoke(String instanceId) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            HostInstance instance = instanceById(c, instanceId).orElseThrow(() -> SqlFailures.noSuch("instance " + instanceId));
            Sql.update(c, "UPDATE host_instance SET revoked = TRUE WHERE id = ?", instanceId);
            tx.changed(EntityKind.HOST_INSTANCE, instance.accountId(), instanceId, instance.instanceProfileName(), ChangeOp.UPDATE);
            return instanceById(c, instanceId).orElseThrow();
        });
    }

    @Override
    public int purgeExpiredJoinTokens() {
        return ctx.db().writeUnlogged(tx -> Sql.update(tx.connection(), "DELETE FROM join_token WHERE expires_at < ?", tx.now()));
    }

    private static void requireHash(String tokenHash) {
        IamInput.require("tokenHash", tokenHash);
        if (!TOKEN_HASH.matcher(tokenHash).matches()) {
            throw new LanyardException(AwsErrorCode.ValidationError,
                    "tokenHash is not accepted; expected 32 to 128 characters of a hex or base64 digest", false);
        }
    }

    private static Optional<JoinToken> tokenByHash(Connection c, String hash) throws SQLException {
        return Sql.one(c, TOKEN_SELECT + " WHERE t.token_hash = ?", rs -> new JoinToken(rs.getString("token_hash"),
                rs.getString("account_id"), rs.getString("profile_name"), Sql.instant(rs, "create_date"),
                Sql.instant(rs, "expires_at"), rs.getBoolean("used"), Sql.instant(rs, "used_at"), rs.getString("instance_id")), hash);
    }

    private static Optional<HostInstance> instanceById(Connection c, String id) throws SQLException {
        return Sql.one(c, INSTANCE_SELECT + " WHERE h.id = ?", JdbcHostEnrolmentStore::mapInstance, id);
    }

    private static HostInstance mapInstance(ResultSet rs) throws SQLException {
        return new HostInstance(rs.getString("id"), rs.getString("account_id"), rs.getString("profile_name"),
                rs.getString("host_public_key"), Sql.instant(rs, "create_date"), Sql.instant(rs, "last_refresh"),
                rs.getBoolean("revoked"));
    }
}
