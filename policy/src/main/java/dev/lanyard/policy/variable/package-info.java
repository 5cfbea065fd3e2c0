/**
 * Policy variables ({@code ${aws:username}}, {@code ${key, 'default'}}, {@code ${*}} ...): templates
 * split once at compile time and resolved against a request's context when matched.
 */
package dev.lanyard.policy.variable;
