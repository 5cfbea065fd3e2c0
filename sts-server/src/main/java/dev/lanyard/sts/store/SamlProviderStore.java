package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.NewSamlProvider;
import dev.lanyard.sts.store.model.SamlProvider;
import dev.lanyard.sts.store.model.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SAML 2.0 provider records. */
public interface SamlProviderStore {
    SamlProvider create(String accountId, NewSamlProvider provider);

    Optional<SamlProvider> get(String arn);

    List<SamlProvider> list(String accountId);

    /** UpdateSAMLProvider: new metadata and its {@code validUntil} ({@code null} when none). */
    SamlProvider updateMetadata(String arn, String metadataDocument, Instant validUntil);

    void delete(String arn);

    void tag(String arn, List<Tag> tags);

    void untag(String arn, List<String> tagKeys);
}
