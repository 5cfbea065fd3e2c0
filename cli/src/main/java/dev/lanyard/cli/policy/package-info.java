/** {@code lanyard policy}: validate policy documents and simulate decisions from the shell. */
package dev.lanyard.cli.policy;
