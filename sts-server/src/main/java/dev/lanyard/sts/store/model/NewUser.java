package dev.lanyard.sts.store.model;

import java.util.List;
import java.util.Objects;

/** What CreateUser supplies. {@code path} defaults to "/" when {@code null}; {@code permissionsBoundaryArn} may be {@code null}. */
public record NewUser(String name, String path, List<Tag> tags, String permissionsBoundaryArn) {
    public NewUser {
        Objects.requireNonNull(name, "name");
        path = path == null ? "/" : path;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A user at path "/" with no tags and no boundary. */
    public static NewUser named(String name) {
        return new NewUser(name, "/", List.of(), null);
    }
}
