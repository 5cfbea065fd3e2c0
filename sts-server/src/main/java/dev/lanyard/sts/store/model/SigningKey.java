package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A token-signing key's public part and life cycle. The private key is stored sealed and read only
 * through the store's explicit method. {@code activatedAt}/{@code retiredAt} are {@code null} until then.
 */
public record SigningKey(String kid, String algorithm, SigningKeyState state, String publicJwk, Instant createdAt,
                         Instant activatedAt, Instant retiredAt, long rowVersion) {
    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
