package dev.lanyard.sdk.signing;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Signing keys derived before, by access key and scope, so that a key is derived once a day per
 * access key rather than on every request (the derivation is four HMACs). A fixed table: a key
 * derived later takes the slot of whatever shared it, so memory stays bounded whatever the number
 * of callers. A slot serves a request only for the same access key id, scope and secret (compared
 * in constant time). Thread-safe: slots hold immutable entries.
 */
final class DerivedKeys {
  private static final int SLOTS = 1024;

  private record Slot(String accessKeyId, CredentialScope scope, String secret, SigningKey key) {}

  private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(SLOTS);

  /** The signing key of {@code secret} for {@code scope}, derived when not held. */
  SigningKey get(String accessKeyId, String secret, CredentialScope scope) {
    int index = (accessKeyId.hashCode() * 31 + scope.date().hashCode()) & (SLOTS - 1);
    Slot slot = slots.get(index);
    if (slot != null && slot.accessKeyId().equals(accessKeyId) && slot.scope().equals(scope)
        && sameSecret(slot.secret(), secret)) {
      return slot.key();
    }
    SigningKey key = SigningKey.derive(secret, scope);
    slots.lazySet(index, new Slot(accessKeyId, scope, secret, key));
    return key;
  }

  /** Equal secrets, in time that depends only on their lengths. */
  private static boolean sameSecret(String held, String given) {
    if (held == given) {
      return true;
    }
    if (held.length() != given.length()) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < held.length(); i++) {
      difference |= held.charAt(i) ^ given.charAt(i);
    }
    return difference == 0;
  }
}
