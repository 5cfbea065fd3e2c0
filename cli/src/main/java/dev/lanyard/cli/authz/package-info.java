/** {@code lanyard authz}: authorisation decisions from the shell. */
package dev.lanyard.cli.authz;
