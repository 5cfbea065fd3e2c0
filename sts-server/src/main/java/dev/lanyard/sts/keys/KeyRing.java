package dev.lanyard.sts.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the signing keys: every key in it is published; the newest ACTIVE key
 * signs. Nodes never change a ring; they load a new one and swap it in ({@link LiveKeyRings}).
 */
public final class KeyRing {
  private static final KeyRing EMPTY = new KeyRing(List.of());

  private final List<SigningKey> keys;
  private final Map<String, SigningKey> byKid;
  private final SigningKey active;
  private final String jwks;

  private KeyRing(Collection<SigningKey> keys) {
    List<SigningKey> sorted = new ArrayList<>(keys);
    sorted.sort(Comparator.comparing((SigningKey k) -> k.lifecycle().createdAt())
        .thenComparing(SigningKey::kid));
    Map<String, SigningKey> index = new LinkedHashMap<>();
    SigningKey newestActive = null;
    for (SigningKey key : sorted) {
      if (index.putIfAbsent(key.kid(), key) != null) {
        throw new IllegalArgumentException("key ring: the kid " + key.kid() + " appears twice");
      }
      if (key.state() == KeyState.ACTIVE && (newestActive == null
          || key.lifecycle().activatedAt().isAfter(newestActive.lifecycle().activatedAt()))) {
        newestActive = key;
      }
    }
    this.keys = List.copyOf(sorted);
    this.byKid = Map.copyOf(index);
    this.active = newestActive;
    List<JWK> published = new ArrayList<>();
    for (SigningKey key : sorted) {
      published.add(key.publicJwk());
    }
    this.jwks = new JWKSet(published).toString(true);
  }

  /** A ring of these keys (any order; kids must be distinct). */
  public static KeyRing of(Collection<SigningKey> keys) {
    return keys.isEmpty() ? EMPTY : new KeyRing(keys);
  }

  /** The ring before any key exists. */
  public static KeyRing empty() {
    return EMPTY;
  }

  /**
   * The key that signs new tokens: the most recently activated ACTIVE key.
   *
   * @throws IllegalStateException when the ring has no ACTIVE key (rotation has not run yet)
   */
  public SigningKey activeKey() {
    if (active == null) {
      throw new IllegalStateException(
          "key ring: no ACTIVE signing key; run key rotation before issuing tokens");
    }
    return active;
  }

  /** The published key with this kid, in any state, or empty when the ring does not hold it. */
  public Optional<SigningKey> verificationKey(String kid) {
    return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
  }

  /** Every key in the ring, oldest first. */
  public List<SigningKey> keys() {
    return keys;
  }

  /** The JWKS document ({"keys": [...]}) of every published public key, oldest first. */
  public String jwks() {
    return jwks;
  }

  @Override
  public String toString() {
    return "KeyRing" + keys;
  }
}
