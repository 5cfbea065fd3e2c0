package dev.lanyard.sts.keys;

import java.util.Objects;

/** The signing ring and the data-key ring a node uses, loaded together and swapped together. */
public record KeyRings(KeyRing signing, DataKeyRing data) {
  public KeyRings {
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(data, "data");
  }

  /** No keys at all: what a node holds before its first load. */
  public static KeyRings empty() {
    return new KeyRings(KeyRing.empty(), DataKeyRing.empty());
  }
}
