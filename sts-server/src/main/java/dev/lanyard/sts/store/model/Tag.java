package dev.lanyard.sts.store.model;

import java.util.Objects;

/** A tag: key (1-128 characters) and value (0-256 characters). */
public record Tag(String key, String value) {
    public Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
