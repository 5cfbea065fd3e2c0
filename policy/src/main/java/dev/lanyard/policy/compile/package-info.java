/**
 * Policies compiled once into immutable, thread-safe matchers: statements indexed by the service
 * prefix of their actions, resources as ARN patterns, principals and conditions pre-parsed. The
 * evaluator only matches; it never parses.
 */
package dev.lanyard.policy.compile;
