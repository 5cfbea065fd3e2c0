/**
 * Reads IAM policy documents from JSON text into the {@link dev.lanyard.policy.model} tree, with
 * the JSON path, line and column of every element and of the first error. Hostile input (deep
 * nesting, huge strings, invalid UTF-8) is refused with a {@link PolicyParseException}.
 */
package dev.lanyard.policy.parse;
