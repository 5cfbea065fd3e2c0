package dev.lanyard.sts.federation.oidc;

import dev.lanyard.sts.store.OidcProviderStore;
import dev.lanyard.sts.store.model.OidcProvider;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the verifier looks up the provider a token's {@code iss} names. Whatever a lookup returns,
 * the verifier accepts it only when {@link #issuerMatches} holds, so a lookup may be lenient (the
 * store's compares case-insensitively and ignores a trailing slash) but never widens what is
 * accepted.
 */
@FunctionalInterface
public interface RegisteredProviders {
  /** The registered provider for this issuer, if any. */
  Optional<OidcProvider> forIssuer(String issuer);

  /** Looks among these records. */
  static RegisteredProviders of(Collection<OidcProvider> providers) {
    List<OidcProvider> copy = List.copyOf(providers);
    return issuer -> copy.stream().filter(p -> issuerMatches(p, issuer)).findFirst();
  }

  /** Looks in an account's providers in the store. */
  static RegisteredProviders inAccount(OidcProviderStore store, String accountId) {
    return issuer -> store.findByUrl(accountId, issuer);
  }

  /**
   * Whether a token's {@code iss} names this provider: it equals the provider URL exactly, or the
   * URL without its {@code https://} scheme (as some providers and AWS's provider names write it).
   */
  static boolean issuerMatches(OidcProvider provider, String issuer) {
    if (issuer == null || issuer.isEmpty()) {
      return false;
    }
    String url = provider.url();
    return url.equals(issuer) || url.startsWith("https://") && url.length() - 8 == issuer.length()
        && url.regionMatches(8, issuer, 0, issuer.length());
  }
}
