/**
 * JMH benchmarks of the STS server's hot paths without the network (issue 3): minting an
 * AssumeRole result, Authorize for a cached session, and verifying an uncached session token.
 */
package dev.lanyard.bench.server;
