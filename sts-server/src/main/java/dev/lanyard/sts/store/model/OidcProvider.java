package dev.lanyard.sts.store.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An OpenID Connect identity provider: issuer URL (https, no query), client ids (audiences) and thumbprints. */
public record OidcProvider(String accountId, String arn, String url, List<String> clientIds, List<String> thumbprints,
                           List<Tag> tags, Instant createDate, long rowVersion) implements IamEntity {
    public OidcProvider {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createDate, "createDate");
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
        tags = List.copyOf(tags);
    }
}
