/**
 * The policy language's syntax tree: immutable values produced by the parser and read by the
 * validator and the compiler. Nothing here matches or evaluates.
 */
package dev.lanyard.policy.model;
