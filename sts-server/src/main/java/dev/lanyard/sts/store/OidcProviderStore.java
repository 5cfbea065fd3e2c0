package dev.lanyard.sts.store;

import dev.lanyard.sts.store.model.NewOidcProvider;
import dev.lanyard.sts.store.model.OidcProvider;
import dev.lanyard.sts.store.model.Tag;

import java.util.List;
import java.util.Optional;

/** OpenID Connect provider records (one per issuer URL per account). */
public interface OidcProviderStore {
    OidcProvider create(String accountId, NewOidcProvider provider);

    Optional<OidcProvider> get(String arn);

    /** The provider whose URL (scheme stripped) matches an issuer, for token validation. */
    Optional<OidcProvider> findByUrl(String accountId, String url);

    List<OidcProvider> list(String accountId);

    OidcProvider addClientId(String arn, String clientId);

    OidcProvider removeClientId(String arn, String clientId);

    OidcProvider updateThumbprints(String arn, List<String> thumbprints);

    void delete(String arn);

    void tag(String arn, List<Tag> tags);

    void untag(String arn, List<String> tagKeys);
}
