package dev.lanyard.sts.crypto;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncryptionKeyTest {
    private final SecureRandom random = new SecureRandom();
    private final Secret secret = Secret.ofUtf8("seed");

    @TempDir
    Path dir;

    @Test
    void firstStartGeneratesAnOwnerOnlyKeyFileThatLaterStartsRead() throws IOException {
        Path file = dir.resolve("data/kek");
        KeyEncryptionKey first = KeyEncryptionKey.readOrCreate(file, random);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        KeyEncryptionKey again = KeyEncryptionKey.readOrCreate(file, random);
        byte[] sealed = new SecretSealer(first, random).seal("r", secret);
        assertEquals(secret, new SecretSealer(again, random).unseal("r", sealed));
    }

    @Test
    void theEnvironmentVariableWinsOverTheFile() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String base64 = Base64.getEncoder().encodeToString(raw);
        Path file = dir.resolve("kek");
        KeyEncryptionKey fromEnv = KeyEncryptionKey.resolve(Map.of(KeyEncryptionKey.ENVIRONMENT_VARIABLE, base64), file, random);
        assertFalse(Files.exists(file));
        byte[] sealed = new SecretSealer(fromEnv, random).seal("r", secret);
        assertEquals(secret, new SecretSealer(KeyEncryptionKey.fromBytes(raw), random).unseal("r", sealed));
        KeyEncryptionKey.resolve(Map.of(), file, random);
        assertTrue(Files.exists(file));
    }

    @Test
    void malformedKeysAreRefusedWithoutEchoingThem() {
        LanyardException notBase64 = assertThrows(LanyardException.class, () -> KeyEncryptionKey.fromBase64("LANYARD_KEK", "%%%"));
        assertEquals(AwsErrorCode.InvalidParameterValue, notBase64.code());
        assertFalse(notBase64.getMessage().contains("%%%"));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        LanyardException tooShort = assertThrows(LanyardException.class, () -> KeyEncryptionKey.fromBase64("LANYARD_KEK", shortKey));
        assertTrue(tooShort.getMessage().contains("16 bytes"), tooShort.getMessage());
        assertFalse(tooShort.getMessage().contains(shortKey));
        assertThrows(LanyardException.class, () -> KeyEncryptionKey.fromBytes(new byte[31]));
    }

    @Test
    void anUnreadableFileIsAServiceFailure() throws IOException {
        Path file = dir.resolve("kek");
        Files.writeString(file, "not a key");
        LanyardException e = assertThrows(LanyardException.class, () -> KeyEncryptionKey.readFile(file));
        assertEquals(AwsErrorCode.InvalidParameterValue, e.code());
        assertThrows(LanyardException.class, () -> KeyEncryptionKey.readFile(dir.resolve("missing")));
    }
}
