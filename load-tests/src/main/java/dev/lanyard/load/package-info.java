/**
 * The gRPC load generator (issue 6): {@link dev.lanyard.load.LoadGenerator} drives STS and
 * Authorizer calls against local Lanyard nodes in open or closed loop and reports HdrHistogram
 * latency, throughput and errors by AWS error code.
 */
package dev.lanyard.load;
