/**
 * {@link dev.lanyard.sdk.client.LanyardClient}: the gRPC client of a Lanyard cluster (endpoints,
 * failover, deadlines, retries, TLS, SigV4 signing) and its typed failure {@link
 * dev.lanyard.sdk.client.LanyardServiceException}.
 */
package dev.lanyard.sdk.client;
