package dev.lanyard.sts.crypto;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's AES-256 key-encryption key, under which every secret at rest is sealed. It comes from
 * a file, from the environment ({@value #ENVIRONMENT_VARIABLE}, base64) or is generated on first start
 * into {@code <dataDir>/kek} with POSIX mode 0600. The key bytes never leave this class except as a
 * {@link SecretKey} for the sealer.
 */
public final class KeyEncryptionKey {
    /** The environment variable holding a base64 key. */
    public static final String ENVIRONMENT_VARIABLE = "LANYARD_KEK";
    /** The file name used under the data directory when the key is generated. */
    public static final String DEFAULT_FILE_NAME = "kek";
    /** Key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private final SecretKey key;

    private KeyEncryptionKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A key from exactly 32 raw bytes (copied). */
    public static KeyEncryptionKey fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != KEY_BYTES) {
            throw invalid("key-encryption key", "has " + bytes.length + " bytes");
        }
        return new KeyEncryptionKey(bytes.clone());
    }

    /** A key from base64 text (standard alphabet, surrounding whitespace ignored) of 32 bytes. */
    public static KeyEncryptionKey fromBase64(String source, String base64) {
        Objects.requireNonNull(base64, source);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(source, "is not valid base64");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw invalid(source, "decodes to " + bytes.length + " bytes");
            }
            return new KeyEncryptionKey(bytes.clone());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A random key from the given generator. */
    public static KeyEncryptionKey generate(SecureRandom random) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return new KeyEncryptionKey(bytes);
    }

    /** Reads a key file holding base64 text. */
    public static KeyEncryptionKey readFile(Path file) {
        try {
            return fromBase64("key-encryption key file " + file, Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new LanyardException(AwsErrorCode.ServiceFailure,
                    "key-encryption key file " + file + " could not be read: " + e.getClass().getSimpleName(), false);
        }
    }

    /**
     * The key from the environment variable if it is set, otherwise from {@code file}, which is
     * created with mode 0600 (atomically, never overwritten) holding a fresh random key when absent.
     */
    public static KeyEncryptionKey resolve(Map<String, String> environment, Path file, SecureRandom random) {
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromBase64("environment variable " + ENVIRONMENT_VARIABLE, fromEnvironment);
        }
        return readOrCreate(file, random);
    }

    /** Reads {@code file}, or creates it (mode 0600, exclusive create) with a new random key. */
    public static KeyEncryptionKey readOrCreate(Path file, SecureRandom random) {
        Optional<KeyEncryptionKey> created = tryCreate(file, random);
        return created.orElseGet(() -> readFile(file));
    }

    private static Optional<KeyEncryptionKey> tryCreate(Path file, SecureRandom random) {
        if (Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        byte[] encoded = Base64.getEncoder().encode(bytes);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (SeekableByteChannel channel = Files.newByteChannel(file,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC),
                    ownerOnly(file))) {
                ByteBuffer buffer = ByteBuffer.wrap(encoded);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            return Optional.of(new KeyEncryptionKey(bytes));
        } catch (FileAlreadyExistsException raced) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LanyardException(AwsErrorCode.ServiceFailure,
                    "key-encryption key file " + file + " could not be created: " + e.getClass().getSimpleName(), false);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        Set<java.nio.file.attribute.PosixFilePermission> mode = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
    }

    /** The AES key for the sealer in this package. */
    SecretKey secretKey() {
        return key;
    }

    private static LanyardException invalid(String source, String problem) {
        return new LanyardException(AwsErrorCode.InvalidParameterValue,
                source + " " + problem + "; expected base64 of exactly " + KEY_BYTES + " bytes (AES-256)", false);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "KeyEncryptionKey[AES-256]";
    }
}
