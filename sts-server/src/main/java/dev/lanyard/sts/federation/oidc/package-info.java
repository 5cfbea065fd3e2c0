/**
 * OpenID Connect web identity federation: turning a provider-signed ID token into a verified
 * identity, as AWS STS {@code AssumeRoleWithWebIdentity} does.
 *
 * <p>{@link dev.lanyard.sts.federation.oidc.OidcProviderKeys} fetches and caches each registered
 * provider's signing keys (discovery, then JWKS, over HTTPS with the JVM's trust store, plus the
 * node's {@code --oidc-ca-file} certificates through {@link
 * dev.lanyard.sts.federation.oidc.ProviderTlsTrust}, and optional thumbprint pins). {@link dev.lanyard.sts.federation.oidc.WebIdentityTokenVerifier} checks a token
 * against those keys and the provider record and is the only maker of {@link
 * dev.lanyard.sts.federation.oidc.VerifiedWebIdentity}, which carries the claims, the session tags
 * and source identity from the token, and the trust-policy condition keys.
 */
package dev.lanyard.sts.federation.oidc;
