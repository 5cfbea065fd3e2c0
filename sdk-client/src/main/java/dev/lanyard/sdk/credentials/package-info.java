/**
 * Credentials and where they come from: the {@link dev.lanyard.sdk.credentials.CredentialsProvider}
 * interface, the providers (static, system properties, environment, profile files, AssumeRole, web
 * identity, credential_process, container endpoint, Lanyard agent) and the {@link
 * dev.lanyard.sdk.credentials.DefaultCredentialsChain}. Refreshing providers call their source on
 * every {@code resolve()}; {@link dev.lanyard.sdk.credentials.cache.CachingCredentialsProvider}
 * caches them.
 */
package dev.lanyard.sdk.credentials;
