package dev.lanyard.sts.store.jdbc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * New identifiers in AWS formats, from an injected {@link SecureRandom}: unique ids (AIDA, AGPA, AROA,
 * ANPA, AIPA + 17 of [A-Z2-7], 21 characters), access key ids (AKIA + 16), 40-character secrets,
 * 12-digit account ids, instance ids ({@code i-} + 17 hex).
 */
final class IamIds {
    static final String USER = "AIDA";
    static final String GROUP = "AGPA";
    static final String ROLE = "AROA";
    static final String POLICY = "ANPA";
    static final String INSTANCE_PROFILE = "AIPA";
    static final String ACCESS_KEY = "AKIA";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random;

    IamIds(SecureRandom random) {
        this.random = random;
    }

    String uniqueId(String prefix) {
        return prefix + base32(17);
    }

    String accessKeyId() {
        return ACCESS_KEY + base32(16);
    }

    /** 40 characters of [A-Za-z0-9+/] (30 random bytes, base64). */
    String secretAccessKey() {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    String accountId() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append((char) ('0' + random.nextInt(10)));
        }
        return id.toString();
    }

    String instanceId() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return "i-" + HexFormat.of().formatHex(bytes).substring(0, 17);
    }

    String dataKeyId() {
        return "dk-" + base32(26).toLowerCase(java.util.Locale.ROOT);
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String base32(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(out);
    }

    /** True for AKIA + 16 of [A-Z2-7]. */
    static boolean isAccessKeyId(String id) {
        if (id == null || id.length() != 20 || !id.startsWith(ACCESS_KEY)) {
            return false;
        }
        for (int i = 4; i < 20; i++) {
            char ch = id.charAt(i);
            if (!((ch >= 'A' && ch <= 'Z') || (ch >= '2' && ch <= '7'))) {
                return false;
            }
        }
        return true;
    }
}
