package dev.lanyard.sts.store.model;

import java.util.List;
import java.util.Objects;

/**
 * What CreateRole supplies. {@code path} defaults to "/" and {@code maxSessionDuration} to 3600 s when
 * {@code null}; {@code description} and {@code permissionsBoundaryArn} may be {@code null}.
 */
public record NewRole(String name, String path, String trustPolicy, String description, Integer maxSessionDuration,
                      List<Tag> tags, String permissionsBoundaryArn) {
    /** AWS's default maximum session duration, in seconds. */
    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    public NewRole {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        path = path == null ? "/" : path;
        maxSessionDuration = maxSessionDuration == null ? DEFAULT_MAX_SESSION_DURATION : maxSessionDuration;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A role at path "/" with the default duration, no description, tags or boundary. */
    public static NewRole of(String name, String trustPolicy) {
        return new NewRole(name, "/", trustPolicy, null, null, List.of(), null);
    }
}
