package dev.lanyard.sts.store.model;

import dev.lanyard.sts.crypto.Secret;

import java.util.Objects;

/**
 * A token-signing key to store in state NEXT: its id, JOSE algorithm name (e.g. "EdDSA", "ES256"),
 * public JWK JSON and private key material (for example the PKCS#8 or JWK encoding; sealed at rest).
 */
public record NewSigningKey(String kid, String algorithm, String publicJwk, Secret privateKey) {
    public NewSigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
