package dev.lanyard.sts.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (an access-key secret, an MFA seed, private key material, a data key). It never
 * appears in {@link #toString()}, compares in constant time and hands out copies only.
 */
public final class Secret {
    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /** A secret holding a copy of the given bytes. */
    public static Secret ofBytes(byte[] value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.clone());
    }

    /** A secret holding the UTF-8 encoding of a text value (for example an access-key secret). */
    public static Secret ofUtf8(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the secret bytes. */
    public byte[] bytes() {
        return value.clone();
    }

    /** The secret as UTF-8 text. */
    public String utf8() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Length in bytes. */
    public int length() {
        return value.length;
    }

    /** Constant-time comparison with another secret. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(value, s.value);
    }

    @Override
    public int hashCode() {
        return value.length;
    }

    /** Never the value. */
    @Override
    public String toString() {
        return "***";
    }

    /** Overwrites the held bytes; the secret is unusable afterwards. */
    public void destroy() {
        Arrays.fill(value, (byte) 0);
    }
}
