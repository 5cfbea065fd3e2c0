package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What CreateSAMLProvider supplies; {@code validUntil} (from the metadata) may be {@code null}. */
public record NewSamlProvider(String name, String metadataDocument, Instant validUntil, List<Tag> tags) {
    public NewSamlProvider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadataDocument, "metadataDocument");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
