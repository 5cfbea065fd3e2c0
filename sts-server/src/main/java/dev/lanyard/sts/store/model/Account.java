package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/** An account: a 12-digit id and an optional alias ({@code null} when none). */
public record Account(String id, String alias, Instant createDate) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createDate, "createDate");
    }
}
