/**
 * JMH benchmarks of the client SDK (issue 5): resolving cached credentials through the caching
 * provider, and verifying a real session token locally with its key already cached. Each benchmark
 * checks in {@code @Setup}, before it is measured, that it measures what its name says.
 */
package dev.lanyard.bench.sdk;
