package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.Objects;

/** One version ({@code v1}, {@code v2}, ...) of a managed policy's document. */
public record ManagedPolicyVersion(String policyArn, String versionId, String document, boolean isDefault, Instant createDate) {
    public ManagedPolicyVersion {
        Objects.requireNonNull(policyArn, "policyArn");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createDate, "createDate");
    }
}
