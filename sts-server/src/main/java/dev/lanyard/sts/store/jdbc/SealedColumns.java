package dev.lanyard.sts.store.jdbc;

import dev.lanyard.sts.crypto.Secret;
import dev.lanyard.sts.crypto.SecretSealer;

import java.util.Base64;

/**
 * Secrets as stored: sealed by {@link SecretSealer} under an associated id naming the kind of record
 * and its key ({@code access-key:AKIA...}), then base64 text (portable across databases).
 */
final class SealedColumns {
    private SealedColumns() {
    }

    static String seal(SecretSealer sealer, String recordId, Secret secret) {
        return Base64.getEncoder().encodeToString(sealer.seal(recordId, secret));
    }

    static Secret unseal(SecretSealer sealer, String recordId, String column) {
        return sealer.unseal(recordId, Base64.getDecoder().decode(column));
    }

    static String accessKey(String accessKeyId) {
        return "access-key:" + accessKeyId;
    }

    static String mfaSeed(String serialNumber) {
        return "mfa-seed:" + serialNumber;
    }

    static String signingKey(String kid) {
        return "signing-key:" + kid;
    }

    static String dataKey(String id) {
        return "data-key:" + id;
    }
}
