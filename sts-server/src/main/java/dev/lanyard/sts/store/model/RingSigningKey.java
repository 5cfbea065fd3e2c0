package dev.lanyard.sts.store.model;

import dev.lanyard.sts.crypto.Secret;

import java.util.Objects;

/**
 * A token-signing key of the rotated ring with its lifecycle, JOSE algorithm name ("EdDSA", "ES256"),
 * public JWK JSON and private key material (sealed at rest, unsealed here; never printed).
 */
public record RingSigningKey(StoredKeyLifecycle lifecycle, String algorithm, String publicJwk, Secret privateKey) {
    public RingSigningKey {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public String kid() {
        return lifecycle.id();
    }
}
