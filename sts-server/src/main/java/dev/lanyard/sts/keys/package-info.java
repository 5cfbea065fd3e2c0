/**
 * The keys that make session tokens trustworthy: signing keys (Ed25519 or ES256, published as a
 * JWKS) and data keys (AES-256, sealing session secrets), each in a ring with NEXT, ACTIVE and
 * RETIRED states.
 *
 * <p>A ring is an immutable snapshot ({@link dev.lanyard.sts.keys.KeyRing},
 * {@link dev.lanyard.sts.keys.DataKeyRing}); {@link dev.lanyard.sts.keys.LiveKeyRings} swaps the
 * current snapshot whole on reload. Rotation is a change of data: {@link
 * dev.lanyard.sts.keys.KeyRotator} decides what the ring should look like at an instant, {@link
 * dev.lanyard.sts.keys.KeyRotationJob} applies that decision through a {@link
 * dev.lanyard.sts.keys.KeyRingRepository} under a cluster-wide {@link
 * dev.lanyard.sts.keys.RotationLock}, and every node reloads.
 */
package dev.lanyard.sts.keys;
