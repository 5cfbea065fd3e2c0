package dev.lanyard.sts.crypto;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretSealerTest {
    private final SecureRandom random = new SecureRandom();
    private final KeyEncryptionKey kek = KeyEncryptionKey.generate(random);
    private final SecretSealer sealer = new SecretSealer(kek, random);
    private final Secret secret = Secret.ofUtf8("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    @Test
    void sealedSecretsOpenForTheSameRecord() {
        byte[] sealed = sealer.seal("access-key:AKIA1", secret);
        assertEquals(secret, sealer.unseal("access-key:AKIA1", sealed));
        assertEquals(1 + 12 + secret.length() + 16, sealed.length);
    }

    @Test
    void eachSealUsesAFreshNonce() {
        byte[] a = sealer.seal("r", secret);
        byte[] b = sealer.seal("r", secret);
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 1, 13), Arrays.copyOfRange(b, 1, 13)));
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherRecord() {
        byte[] sealed = sealer.seal("access-key:AKIA1", secret);
        LanyardException e = assertThrows(LanyardException.class, () -> sealer.unseal("access-key:AKIA2", sealed));
        assertEquals(AwsErrorCode.ServiceFailure, e.code());
        assertFalse(e.getMessage().contains(secret.utf8()));
    }

    @Test
    void tamperedOrForeignCiphertextIsRefused() {
        byte[] sealed = sealer.seal("r", secret);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(LanyardException.class, () -> sealer.unseal("r", tampered));
        SecretSealer other = new SecretSealer(KeyEncryptionKey.generate(random), random);
        assertThrows(LanyardException.class, () -> other.unseal("r", sealed));
        byte[] wrongFormat = sealed.clone();
        wrongFormat[0] = 9;
        assertThrows(LanyardException.class, () -> sealer.unseal("r", wrongFormat));
        assertThrows(LanyardException.class, () -> sealer.unseal("r", new byte[5]));
    }

    @Test
    void descriptionsNeverShowKeysOrSecrets() {
        assertEquals("***", secret.toString());
        assertEquals("KeyEncryptionKey[AES-256]", kek.toString());
        assertEquals("SecretSealer[AES-256-GCM]", sealer.toString());
    }
}
