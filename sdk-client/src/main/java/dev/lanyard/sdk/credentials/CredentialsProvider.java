package dev.lanyard.sdk.credentials;

/**
 * A source of credentials. Implementations say in {@link CredentialsUnavailableException} what they
 * tried and why it failed, never with a secret. Providers that own resources (a client, an HTTP
 * connection pool) release them in {@link #close()}.
 */
public interface CredentialsProvider extends AutoCloseable {

  /**
   * The credentials to sign with now.
   *
   * @throws CredentialsUnavailableException when this source has none
   */
  Credentials resolve();

  /** Releases what the provider owns; the default owns nothing. */
  @Override
  default void close() {}
}
