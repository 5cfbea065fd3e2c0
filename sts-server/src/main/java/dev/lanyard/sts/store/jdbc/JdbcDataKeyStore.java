package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.DataKeyStore;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.model.DataKey;
import dev.lanyard.sts.store.model.RingDataKey;
import dev.lanyard.sts.store.model.SigningKeyState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Data keys on JDBC: 256 random bits each, sealed under {@code data-key:<id>}. */
final class JdbcDataKeyStore implements DataKeyStore {
    private static final int KEY_BYTES = 32;

    private final JdbcContext ctx;

    JdbcDataKeyStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public DataKey create(Instant expiresAt) {
        IamInput.require("expiresAt", expiresAt);
        String id = ctx.ids().dataKeyId();
        byte[] material = ctx.ids().bytes(KEY_BYTES);
        String sealed;
        try {
            sealed = SealedColumns.seal(ctx.sealer(), SealedColumns.dataKey(id), Secret.ofBytes(material));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
        return ctx.db().write(tx -> {
            if (!expiresAt.isAfter(tx.now())) {
                throw new LanyardException(AwsErrorCode.InvalidParameterValue,
                        "expiresAt is not in the future; a data key must be usable after it is created", false);
            }
            Sql.update(tx.connection(), "INSERT INTO data_key (id, key_sealed, state, created_at, activated_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, sealed, SigningKeyState.ACTIVE.name(), tx.now(), tx.now(), expiresAt);
            tx.changed(EntityKind.DATA_KEY, null, id, id, ChangeOp.CREATE);
            return byId(tx.connection(), id).orElseThrow();
        });
    }

    @Override
    public Optional<DataKey> get(String id) {
        return ctx.db().read(c -> byId(c, id));
    }

    @Override
    public Optional<Secret> material(String id) {
        return ctx.db().read(c -> Sql.one(c, "SELECT key_sealed FROM data_key WHERE id = ?",
                rs -> SealedColumns.unseal(ctx.sealer(), SealedColumns.dataKey(id), rs.getString(1)), id));
    }

    @Override
    public List<DataKey> list() {
        return ctx.db().read(c -> Sql.list(c, "SELECT * FROM data_key ORDER BY created_at, id", JdbcDataKeyStore::map));
    }

    @Override
    public List<RingDataKey> ring() {
        return ctx.db().read(c -> Sql.list(c, "SELECT * FROM data_key ORDER BY created_at, id",
                rs -> new RingDataKey(KeyRingRows.lifecycle(rs, "id"),
                        SealedColumns.unseal(ctx.sealer(), SealedColumns.dataKey(rs.getString("id")), rs.getString("key_sealed")))));
    }

    @Override
    public void delete(String id) {
        ctx.db().write(tx -> {
            if (Sql.update(tx.connection(), "DELETE FROM data_key WHERE id = ?", id) == 0) {
                throw SqlFailures.noSuch("data key " + id);
            }
            tx.changed(EntityKind.DATA_KEY, null, id, id, ChangeOp.DELETE);
            return null;
        });
    }

    private static Optional<DataKey> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM data_key WHERE id = ?", JdbcDataKeyStore::map, id);
    }

    private static DataKey map(ResultSet rs) throws SQLException {
        return new DataKey(rs.getString("id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"));
    }
}
