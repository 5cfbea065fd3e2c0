package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import dev.lanyard.sts.store.ChangeOp;
import dev.lanyard.sts.store.EntityKind;
import dev.lanyard.sts.store.IamInput;
import dev.lanyard.sts.store.SigningKeyStore;
import dev.lanyard.sts.store.model.NewSigningKey;
import dev.lanyard.sts.store.model.RingSigningKey;
import dev.lanyard.sts.store.model.SigningKey;
import dev.lanyard.sts.store.model.SigningKeyState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signing key ring on JDBC; private keys sealed under {@code signing-key:<kid>}. State changes lock
 * the store-version row first, so concurrent rotations on several nodes are serialised and at most
 * one key is ACTIVE.
 */
final class JdbcSigningKeyStore implements SigningKeyStore {
    static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    static final Pattern ALGORITHM = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final JdbcContext ctx;

    JdbcSigningKeyStore(JdbcContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public SigningKey add(NewSigningKey key) {
        if (!KID.matcher(key.kid()).matches()) {
            throw new LanyardException(AwsErrorCode.ValidationError, "kid is not accepted; expected 1-128 of A-Z a-z 0-9 . _ -", false);
        }
        if (!ALGORITHM.matcher(key.algorithm()).matches()) {
            throw new LanyardException(AwsErrorCode.ValidationError,
                    "algorithm is not accepted; expected a JOSE algorithm name such as EdDSA or ES256", false);
        }
        IamInput.document("publicJwk", key.publicJwk());
        String sealed = SealedColumns.seal(ctx.sealer(), SealedColumns.signingKey(key.kid()), key.privateKey());
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            if (Sql.count(c, "SELECT COUNT(*) FROM signing_key WHERE kid = ?", key.kid()) > 0) {
                throw SqlFailures.alreadyExists("signing key " + key.kid());
            }
            Sql.update(c, "INSERT INTO signing_key (kid, algorithm, state, public_jwk, private_sealed, created_at, row_version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 1)", key.kid(), key.algorithm(), SigningKeyState.NEXT.name(), key.publicJwk(),
                    sealed, tx.now());
            tx.changed(EntityKind.SIGNING_KEY, null, key.kid(), key.kid(), ChangeOp.CREATE);
            return byKid(c, key.kid()).orElseThrow();
        });
    }

    @Override
    public Optional<SigningKey> get(String kid) {
        return ctx.db().read(c -> byKid(c, kid));
    }

    @Override
    public List<SigningKey> list() {
        return ctx.db().read(c -> Sql.list(c, "SELECT * FROM signing_key ORDER BY created_at, kid", JdbcSigningKeyStore::map));
    }

    @Override
    public List<RingSigningKey> ring() {
        return ctx.db().read(c -> Sql.list(c, "SELECT * FROM signing_key ORDER BY created_at, kid",
                rs -> new RingSigningKey(KeyRingRows.lifecycle(rs, "kid"), rs.getString("algorithm"),
                        rs.getString("public_jwk"), SealedColumns.unseal(ctx.sealer(),
                        SealedColumns.signingKey(rs.getString("kid")), rs.getString("private_sealed")))));
    }

    @Override
    public Optional<SigningKey> active() {
        return ctx.db().read(c -> Sql.one(c, "SELECT * FROM signing_key WHERE state = 'ACTIVE'", JdbcSigningKeyStore::map));
    }

    @Override
    public Optional<Secret> privateKey(String kid) {
        return ctx.db().read(c -> Sql.one(c, "SELECT private_sealed FROM signing_key WHERE kid = ?",
                rs -> SealedColumns.unseal(ctx.sealer(), SealedColumns.signingKey(kid), rs.getString(1)), kid));
    }

    @Override
    public SigningKey activate(String kid) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            SigningKey key = lock(c, kid);
            if (key.state() == SigningKeyState.ACTIVE) {
                return key;
            }
            if (key.state() != SigningKeyState.NEXT) {
                throw new LanyardException(AwsErrorCode.InvalidInput,
                        "signing key " + kid + " is " + key.state() + "; only a NEXT key can be activated", false);
            }
            Sql.update(c, "UPDATE signing_key SET state = 'RETIRED', retired_at = ?, row_version = row_version + 1"
                    + " WHERE state = 'ACTIVE'", tx.now());
            Sql.update(c, "UPDATE signing_key SET state = 'ACTIVE', activated_at = ?, row_version = row_version + 1"
                    + " WHERE kid = ?", tx.now(), kid);
            tx.changed(EntityKind.SIGNING_KEY, null, kid, kid, ChangeOp.UPDATE);
            return byKid(c, kid).orElseThrow();
        });
    }

    @Override
    public SigningKey retire(String kid) {
        return ctx.db().write(tx -> {
            Connection c = tx.connection();
            SigningKey key = lock(c, kid);
            if (key.state() == SigningKeyState.RETIRED) {
                return key;
            }
            Sql.update(c, "UPDATE signing_key SET state = 'RETIRED', retired_at = ?, row_version = row_version + 1"
                    + " WHERE kid = ?", tx.now(), kid);
            tx.changed(EntityKind.SIGNING_KEY, null, kid, kid, ChangeOp.UPDATE);
            return byKid(c, kid).orElseThrow();
        });
    }

    @Override
    public void delete(String kid) {
        ctx.db().write(tx -> {
            Connection c = tx.connection();
            SigningKey key = lock(c, kid);
            if (key.state() != SigningKeyState.RETIRED) {
                throw SqlFailures.deleteConflict("signing key " + kid, "it is " + key.state() + "; retire it first");
            }
            Sql.update(c, "DELETE FROM signing_key WHERE kid = ?", kid);
            tx.changed(EntityKind.SIGNING_KEY, null, kid, kid, ChangeOp.DELETE);
            return null;
        });
    }

    /** Serialises key-ring changes on the store-version row, then reads the key. */
    private static SigningKey lock(Connection c, String kid) throws SQLException {
        Sql.one(c, "SELECT version FROM store_version WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1));
        return byKid(c, kid).orElseThrow(() -> SqlFailures.noSuch("signing key " + kid));
    }

    private static Optional<SigningKey> byKid(Connection c, String kid) throws SQLException {
        return Sql.one(c, "SELECT * FROM signing_key WHERE kid = ?", JdbcSigningKeyStore::map, kid);
    }

    private static SigningKey map(ResultSet rs) throws SQLException {
        return new SigningKey(rs.getString("kid"), rs.getString("algorithm"), SigningKeyState.valueOf(rs.getString("state")),
                rs.getString("public_jwk"), Sql.instant(rs, "created_at"), Sql.instant(rs, "activated_at"),
                Sql.instant(rs, "retired_at"), rs.getLong("row_version"));
    }
}
