package dev.lanyard.sts.keys;

/** Where a key stands in its rotation. Every key in a ring is published; only an ACTIVE key signs. */
public enum KeyState {
  /** Published (in the JWKS, loaded by every node) but not yet signing or sealing. */
  NEXT,
  /** Signs new tokens and seals new secrets; published. */
  ACTIVE,
  /**
   * No longer signs; stays published until every token it signed has expired, then is removed
   * from the ring.
   */
  RETIRED
}
