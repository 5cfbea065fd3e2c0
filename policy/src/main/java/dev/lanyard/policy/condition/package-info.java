/**
 * The {@code Condition} element compiled: every operator, {@code ...IfExists}, {@code ForAllValues:}
 * and {@code ForAnyValue:}, AWS's rules for missing keys, with policy values parsed once (numbers,
 * dates, CIDRs, base64, ARN patterns, variable templates) and request values parsed at most once.
 */
package dev.lanyard.policy.condition;
