package dev.lanyard.sdk.agent;

import java.time.Clock;

/**
 * What the endpoints serve: one volatile reference swapped when fresh credentials arrive (never
 * mutated), read by every request. Credentials are served until their expiration, also while the
 * STS cannot be reached; after it, nothing is.
 */
final class CredentialsBoard {
  private final Clock clock;
  private volatile ServedCredentials current;

  CredentialsBoard(Clock clock) {
    this.clock = clock;
  }

  /** Replaces what is served. */
  void publish(ServedCredentials next) {
    current = next;
  }

  /** The credentials to serve now, or null when there are none or they have expired. */
  ServedCredentials servable() {
    ServedCredentials c = current;
    return c != null && c.usableAt(clock.millis()) ? c : null;
  }

  /** The last published credentials, expired or not (to tell whether new ones differ). */
  ServedCredentials latest() {
    return current;
  }
}
