/**
 * Matching without regular expressions: wildcard globs in linear time, ARN patterns segment by
 * segment, action patterns indexed by service prefix, and the {@code Principal} element.
 */
package dev.lanyard.policy.match;
