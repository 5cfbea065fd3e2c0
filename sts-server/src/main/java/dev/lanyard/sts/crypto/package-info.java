/**
 * Secrets at rest: the server's key-encryption key, the AES-GCM sealer bound to each record's id, and
 * the {@link dev.lanyard.sts.crypto.Secret} wrapper that never prints its value.
 */
package dev.lanyard.sts.crypto;
