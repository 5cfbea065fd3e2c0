/**
 * JMH benchmarks of the policy engine (issue 2): a realistic principal's decisions, a small
 * policy's decisions, and parsing, validating and compiling every AWS managed policy. The policies
 * and requests are data prepared before measurement; each benchmark checks once, before it is
 * measured, that its request takes the decision path it is named after.
 */
package dev.lanyard.bench.policy;
