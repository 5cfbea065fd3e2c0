package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A SAML 2.0 identity provider: its IdP metadata XML and an optional expiry ({@code validUntil} may be {@code null}). */
public record SamlProvider(String accountId, String arn, String name, String metadataDocument, Instant validUntil,
                           List<Tag> tags, Instant createDate, long rowVersion) implements IamEntity {
    public SamlProvider {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadataDocument, "metadataDocument");
        Objects.requireNonNull(createDate, "createDate");
        tags = List.copyOf(tags);
    }
}
