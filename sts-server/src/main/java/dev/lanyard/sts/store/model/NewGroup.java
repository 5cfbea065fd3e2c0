package dev.lanyard.sts.store.model;

import java.util.Objects;

/** What CreateGroup supplies. {@code path} defaults to "/" when {@code null}. */
public record NewGroup(String name, String path) {
    public NewGroup {
        Objects.requireNonNull(name, "name");
        path = path == null ? "/" : path;
    }

    /** A group at path "/". */
    public static NewGroup named(String name) {
        return new NewGroup(name, "/");
    }
}
