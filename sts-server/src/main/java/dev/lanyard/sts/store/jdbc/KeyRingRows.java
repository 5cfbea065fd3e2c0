package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.model.KeyRingUpdate;
import dev.lanyard.sts.store.model.RingChanges;
import dev.lanyard.sts.store.model.RingDataKey;
import dev.lanyard.sts.store.model.RingSigningKey;
import dev.lanyard.sts.store.model.SigningKeyState;
import dev.lanyard.sts.store.model.StoredKeyLifecycle;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rotated key rings' rows: lifecycles as read from {@code signing_key} and {@code data_key}, and
 * one rotation's changes to both tables written in one transaction. Material is sealed before the
 * transaction starts; the transaction first locks the store-version row, as every key-ring write does,
 * so rotations on several nodes are serialised.
 */
final class KeyRingRows {
    private static final Pattern DATA_KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A row to insert, its material already sealed. */
    private record SealedRow(String table, String idColumn, StoredKeyLifecycle lifecycle, String algorithm,
                             String publicJwk, String sealed) {
    }

    private final JdbcContext ctx;

    KeyRingRows(JdbcContext ctx) {
        this.ctx = ctx;
    }

    /** The lifecycle columns (state, created_at, activated_at, retired_at) of the current row. */
    static StoredKeyLifecycle lifecycle(ResultSet rs, String idColumn) throws SQLException {
        return new StoredKeyLifecycle(rs.getString(idColumn), SigningKeyState.valueOf(rs.getString("state")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "activated_at"), Sql.instant(rs, "retired_at"));
    }

    void apply(KeyRingUpdate update) {
        IamInput.require("update", update);
        if (update.isEmpty()) {
            return;
        }
        List<SealedRow> inserts = new ArrayList<>();
        for (RingSigningKey key : update.signing().added()) {
            inserts.add(sealed(key));
        }
        for (RingDataKey key : update.data().added()) {
            inserts.add(sealed(key));
        }
        List<String> signingIds = ids(update.signing(), RingSigningKey::kid);
        List<String> dataIds = ids(update.data(), RingDataKey::id);
        validateIds(signingIds, "signing key", JdbcSigningKeyStore.KID, "1-128 of A-Z a-z 0-9 . _ -");
        validateIds(dataIds, "data key", DATA_KEY_ID, "1-64 of A-Z a-z 0-9 . _ -");
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            Sql.one(c, "SELECT version FROM store_version WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1));
            for (SealedRow row : inserts) {
                insert(tx, row);
            }
            overwrite(tx, "signing_key", "kid", "signing key", update.signing().changed());
            overwrite(tx, "data_key", "id", "data key", update.data().changed());
            remove(c, "signing_key", "kid", update.signing().removed());
            remove(c, "data_key", "id", update.data().removed());
            recordChange(tx, update, signingIds, dataIds);
            return null;
        });
    }

    private SealedRow sealed(RingSigningKey key) {
        if (!JdbcSigningKeyStore.ALGORITHM.matcher(key.algorithm()).matches()) {
            throw new LanyardException(AwsErrorCode.ValidationError, "algorithm of signing key " + key.kid()
                    + " is not accepted; expected a JOSE algorithm name such as EdDSA or ES256", false);
        }
        IamInput.document("publicJwk", key.publicJwk());
        return new SealedRow("signing_key", "kid", key.lifecycle(), key.algorithm(), key.publicJwk(),
                SealedColumns.seal(ctx.sealer(), SealedColumns.signingKey(key.kid()), key.privateKey()));
    }

    private SealedRow sealed(RingDataKey key) {
        return new SealedRow("data_key", "id", key.lifecycle(), null, null,
                SealedColumns.seal(ctx.sealer(), SealedColumns.dataKey(key.id()), key.material()));
    }

    /** Every id the changes name: added, changed, then removed. */
    private static <K> List<String> ids(RingChanges<K> changes, Function<K, String> idOf) {
        List<String> ids = new ArrayList<>();
        changes.added().forEach(k -> ids.add(idOf.apply(k)));
        changes.changed().forEach(l -> ids.add(l.id()));
        ids.addAll(changes.removed());
        return ids;
    }

    private static void validateIds(List<String> ids, String what, Pattern pattern, String accepted) {
        for (String id : ids) {
            if (id == null || !pattern.matcher(id).matches()) {
                throw new LanyardException(AwsErrorCode.ValidationError,
                        "id of a " + what + " is not accepted; expected " + accepted, false);
            }
        }
    }

    private static void insert(WriteTx tx, SealedRow row) throws SQLException {
        Connection c = tx.connection();
        StoredKeyLifecycle l = row.lifecycle();
        String what = row.table().equals("signing_key") ? "signing key " : "data key ";
        if (Sql.count(c, "SELECT COUNT(*) FROM " + row.table() + " WHERE " + row.idColumn() + " = ?", l.id()) > 0) {
            throw SqlFailures.alreadyExists(what + l.id());
        }
        if (row.table().equals("signing_key")) {
            Sql.update(c, "INSERT INTO signing_key (kid, algorithm, state, public_jwk, private_sealed, created_at,"
                            + " activated_at, retired_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    l.id(), row.algorithm(), l.state().name(), row.publicJwk(), row.sealed(), l.createdAt(),
                    Sql.timestamp(l.activatedAt()), Sql.timestamp(l.retiredAt()));
        } else {
            Sql.update(c, "INSERT INTO data_key (id, key_sealed, state, created_at, activated_at, retired_at, expires_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", l.id(), row.sealed(), l.state().name(), l.createdAt(),
                    Sql.timestamp(l.activatedAt()), Sql.timestamp(l.retiredAt()), Sql.timestamp(null));
        }
    }

    private static void overwrite(WriteTx tx, String table, String idColumn, String what,
                                  List<StoredKeyLifecycle> changed) throws SQLException {
        String bump = table.equals("signing_key") ? ", row_version = row_version + 1" : "";
        for (StoredKeyLifecycle l : changed) {
            int rows = Sql.update(tx.connection(), "UPDATE " + table + " SET state = ?, created_at = ?, activated_at = ?,"
                            + " retired_at = ?" + bump + " WHERE " + idColumn + " = ?", l.state().name(), l.createdAt(),
                    Sql.timestamp(l.activatedAt()), Sql.timestamp(l.retiredAt()), l.id());
            if (rows == 0) {
                throw SqlFailures.noSuch(what + " " + l.id());
            }
        }
    }

    private static void remove(Connection c, String table, String idColumn, List<String> ids) throws SQLException {
        for (String id : ids) {
            Sql.update(c, "DELETE FROM " + table + " WHERE " + idColumn + " = ?", id);
        }
    }

    /** Logs the signing ring's first named key when the signing ring changed, else the data ring's. */
    private static void recordChange(WriteTx tx, KeyRingUpdate update, List<String> signingIds, List<String> dataIds) {
        boolean signing = !update.signing().isEmpty();
        RingChanges<?> changes = signing ? update.signing() : update.data();
        String id = (signing ? signingIds : dataIds).get(0);
        ChangeOp op = !changes.added().isEmpty() ? ChangeOp.CREATE
                : !changes.changed().isEmpty() ? ChangeOp.UPDATE : ChangeOp.DELETE;
        tx.changed(signing ? EntityKind.SIGNING_KEY : EntityKind.DATA_KEY, null, id, id, op);
    }
}
