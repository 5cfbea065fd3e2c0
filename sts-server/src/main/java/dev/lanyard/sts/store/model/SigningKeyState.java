package dev.lanyard.sts.store.model;

/** A token-signing key's life: published before it signs (NEXT), signing (ACTIVE), published only (RETIRED). */
public enum SigningKeyState {
    NEXT, ACTIVE, RETIRED
}
