package dev.lanyard.sts.crypto;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets at rest with AES-256-GCM under the key-encryption key. Each ciphertext carries a
 * format byte and a random 96-bit nonce; the owning record's id is the associated data, so a sealed
 * value moved to another row does not open. Thread-safe.
 */
public final class SecretSealer {
    private static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyEncryptionKey kek;
    private final SecureRandom random;

    /** A sealer under {@code kek} taking nonces from {@code random}. */
    public SecretSealer(KeyEncryptionKey kek, SecureRandom random) {
        this.kek = Objects.requireNonNull(kek, "kek");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Seals {@code secret} for the record {@code recordId}: format byte, nonce, ciphertext and tag. */
    public byte[] seal(String recordId, Secret secret) {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(secret, "secret");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = secret.bytes();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, kek.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT_V1).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new LanyardException(AwsErrorCode.ServiceFailure,
                    "sealing a secret for record " + recordId + " failed: " + e.getClass().getSimpleName(), false);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Opens a value sealed for {@code recordId}; fails if it was tampered with, moved or sealed under another key. */
    public Secret unseal(String recordId, byte[] sealed) {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_V1) {
            throw unreadable(recordId, "is not in the sealed format v1");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, kek.secretKey(), new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            try {
                return Secret.ofBytes(plain);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw unreadable(recordId, "fails authentication (another key-encryption key, another record, or tampered)");
        } catch (GeneralSecurityException e) {
            throw unreadable(recordId, "could not be opened: " + e.getClass().getSimpleName());
        }
    }

    private static LanyardException unreadable(String recordId, String problem) {
        return new LanyardException(AwsErrorCode.ServiceFailure, "sealed secret of record " + recordId + " " + problem, false);
    }

    @Override
    public String toString() {
        return "SecretSealer[AES-256-GCM]";
    }
}
