package dev.lanyard.sts.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * A challenge for an enrolled instance to sign: opaque bytes, valid once, until {@code expiration}.
 * Not a secret (it is useless without the host key), but one-time.
 */
public record InstanceChallenge(byte[] bytes, Instant expiration) {
  public InstanceChallenge {
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
    Objects.requireNonNull(expiration, "expiration");
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
