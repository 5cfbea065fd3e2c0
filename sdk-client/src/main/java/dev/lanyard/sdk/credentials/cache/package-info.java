/**
 * Caching and refresh of credentials from refreshing sources: {@link
 * dev.lanyard.sdk.credentials.cache.CachingCredentialsProvider} (the cache and its refresh), {@link
 * dev.lanyard.sdk.credentials.cache.RefreshPolicy} (the pure refresh decision) and listener hooks
 * for metrics.
 */
package dev.lanyard.sdk.credentials.cache;
