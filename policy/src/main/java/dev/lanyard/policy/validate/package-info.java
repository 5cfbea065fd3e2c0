/**
 * Checks parsed policy documents against AWS's rules for each policy type (identity, resource,
 * role trust, permissions boundary, session, SCP, RCP): which elements are allowed, element
 * formats, {@code Sid} rules, allowed characters and size limits. Results are {@link Finding}s
 * carrying the AWS error code, the JSON path, line and column.
 */
package dev.lanyard.policy.validate;
