/**
 * JMH benchmarks of the federation operations (issue 4): AssumeRoleWithWebIdentity and
 * AssumeRoleWithSAML through the operation layer, with loopback identity providers of their own.
 */
package dev.lanyard.bench.federation;
