package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/** When and where an access key was last used ({@code serviceName} and {@code region} may be {@code null}). */
public record AccessKeyLastUsed(Instant date, String serviceName, String region) {
    public AccessKeyLastUsed {
        Objects.requireNonNull(date, "date");
    }
}
