package dev.lanyard.sts.store.model;

import java.util.List;
import java.util.Objects;

/** What CreateInstanceProfile supplies. {@code path} defaults to "/". */
public record NewInstanceProfile(String name, String path, List<Tag> tags) {
    public NewInstanceProfile {
        Objects.requireNonNull(name, "name");
        path = path == null ? "/" : path;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A profile at path "/" with no tags. */
    public static NewInstanceProfile named(String name) {
        return new NewInstanceProfile(name, "/", List.of());
    }
}
