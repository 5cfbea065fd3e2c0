package dev.lanyard.sts.store.model;

import dev.lanyard.sts.crypto.Secret;

import java.util.Objects;

/** An access key with its unsealed secret, for signature verification or the one-time creation answer. */
public record AccessKeySecret(AccessKey key, Secret secretAccessKey) {
    public AccessKeySecret {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }
}
