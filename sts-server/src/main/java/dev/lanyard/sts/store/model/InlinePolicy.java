package dev.lanyard.sts.store.model;

import java.util.Objects;

/** An inline policy embedded in a user, group or role. */
public record InlinePolicy(PolicyOwner owner, String policyName, String document) {
    public InlinePolicy {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(document, "document");
    }
}
