package dev.lanyard.sdk.credentials;

import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.client.LanyardClientFactory;
import java.util.Objects;

/**
 * A {@link LanyardClient} built on first use, so that a provider can be assembled before the
 * endpoint settings are checked; a missing or bad {@code LANYARD_ENDPOINT} then surfaces as
 * {@link CredentialsUnavailableException}. Owns the client (and the signing provider) it built.
 */
final class LazyClient implements AutoCloseable {
  private final LanyardClientFactory factory;
  private final CredentialsProvider signing;
  private LanyardClient client;

  /** @param signing the credentials to sign with, or {@code null} for an unsigned client */
  LazyClient(LanyardClientFactory factory, CredentialsProvider signing) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.signing = signing;
  }

  synchronized LanyardClient get(String source) {
    if (client == null) {
      try {
        client = factory.create(signing);
      } catch (RuntimeException e) {
        throw new CredentialsUnavailableException(source + ": cannot create the Lanyard client: " + e.getMessage(), e);
      }
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (signing != null) {
      signing.close();
    }
  }
}
