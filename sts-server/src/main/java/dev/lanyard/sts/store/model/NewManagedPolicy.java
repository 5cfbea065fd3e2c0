package dev.lanyard.sts.store.model;

import java.util.List;
import java.util.Objects;

/** What CreatePolicy supplies; the document becomes version v1, the default. {@code path} defaults to "/". */
public record NewManagedPolicy(String name, String path, String description, String document, List<Tag> tags) {
    public NewManagedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
        path = path == null ? "/" : path;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A policy at path "/" with no description and no tags. */
    public static NewManagedPolicy of(String name, String document) {
        return new NewManagedPolicy(name, "/", null, document, List.of());
    }
}
