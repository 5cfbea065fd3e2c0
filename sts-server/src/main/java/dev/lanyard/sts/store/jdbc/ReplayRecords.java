package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.store.IamInput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The shared replay cache. Ids are stored as SHA-256 digests. Each statement commits on its own: an
 * expired record is deleted, then the INSERT either succeeds (first use) or hits the primary key
 * (already recorded, by this or another node). The database's uniqueness makes it atomic across nodes.
 */
final class ReplayRecords {
    private final Database db;

    ReplayRecords(Database db) {
        this.db = db;
    }

    boolean recordOnce(String id, Instant expiresAt) {
        IamInput.require("id", id);
        IamInput.require("expiresAt", expiresAt);
        String hash = digest(id);
        Instant now = db.now();
        return db.autoCommit(c -> {
            Sql.update(c, "DELETE FROM replay_record WHERE id_hash = ? AND expires_at <= ?", hash, now);
            try {
                Sql.update(c, "INSERT INTO replay_record (id_hash, expires_at) VALUES (?, ?)", hash, expiresAt);
                return true;
            } catch (SQLException e) {
                if (SqlFailures.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    int purgeExpired() {
        Instant now = db.now();
        return db.autoCommit(c -> Sql.update(c, "DELETE FROM replay_record WHERE expires_at <= ?", now));
    }

    private static String digest(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
