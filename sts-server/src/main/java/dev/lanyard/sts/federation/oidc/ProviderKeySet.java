package dev.lanyard.sts.federation.oidc;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The public signing keys one provider published, as fetched at one moment.
 *
 * @param keys the provider's RSA and EC public keys meant for signatures, in JWKS order
 * @param fetchedAt when the JWKS was fetched
 */
public record ProviderKeySet(List<JWK> keys, Instant fetchedAt) {
  public ProviderKeySet {
    keys = List.copyOf(keys);
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  @Override
  public String toString() {
    return "ProviderKeySet[kids=" + keys.stream().map(JWK::getKeyID).toList() + ", fetchedAt=" + fetchedAt + "]";
  }
}
