package dev.lanyard.sts.store.model;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

import java.time.Instant;
import java.util.Objects;

/**
 * A ring key's id, state and dates as stored, for signing and data keys alike. A NEXT key has
 * neither {@code activatedAt} nor {@code retiredAt}; an ACTIVE key has {@code activatedAt} and no
 * {@code retiredAt}; a RETIRED key has {@code retiredAt} ({@code activatedAt} when it was ever ACTIVE).
 */
public record StoredKeyLifecycle(String id, SigningKeyState state, Instant createdAt, Instant activatedAt,
                                 Instant retiredAt) {
    public StoredKeyLifecycle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        boolean consistent = switch (state) {
            case NEXT -> activatedAt == null && retiredAt == null;
            case ACTIVE -> activatedAt != null && retiredAt == null;
            case RETIRED -> retiredAt != null;
        };
        if (!consistent) {
            throw new LanyardException(AwsErrorCode.ValidationError, "key " + id + ": state " + state
                    + " does not fit its dates; expected NEXT with neither activatedAt nor retiredAt, ACTIVE with"
                    + " activatedAt only, or RETIRED with retiredAt", false);
        }
    }
}
