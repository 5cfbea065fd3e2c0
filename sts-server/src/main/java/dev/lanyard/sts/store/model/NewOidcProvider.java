package dev.lanyard.sts.store.model;

import java.util.List;
import java.util.Objects;

/** What CreateOpenIDConnectProvider supplies. */
public record NewOidcProvider(String url, List<String> clientIds, List<String> thumbprints, List<Tag> tags) {
    public NewOidcProvider {
        Objects.requireNonNull(url, "url");
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        thumbprints = thumbprints == null ? List.of() : List.copyOf(thumbprints);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
