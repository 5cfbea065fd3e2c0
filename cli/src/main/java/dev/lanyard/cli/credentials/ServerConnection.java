package dev.lanyard.cli.credentials;

import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.credentials.Credentials;
import dev.lanyard.sdk.credentials.CredentialsProvider;
import dev.lanyard.sdk.credentials.StaticCredentialsProvider;

/**
 * One command's client of the server: signed with credentials resolved once, at open, or unsigned
 * (web identity, SAML). Closing it closes the client and the credentials source.
 */
public final class ServerConnection implements AutoCloseable {
  private final LanyardClient client;
  private final CredentialsProvider source;

  private ServerConnection(LanyardClient client, CredentialsProvider source) {
    this.client = client;
    this.source = source;
  }

  /**
   * Opens a client. When {@code signed}, resolves the credentials first, which may itself call the
   * server (role profiles).
   *
   * @throws dev.lanyard.sdk.credentials.CredentialsUnavailableException when no source has credentials
   */
  public static ServerConnection open(ConnectionSettings settings, CliEnvironment environment, boolean signed) {
    if (!signed) {
      return new ServerConnection(settings.clientBuilder().build(), null);
    }
    CredentialsProvider source = settings.credentialsProvider(environment);
    try {
      Credentials credentials = source.resolve();
      LanyardClient client = settings.clientBuilder().credentials(new StaticCredentialsProvider(credentials)).build();
      return new ServerConnection(client, source);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  public LanyardClient client() {
    return client;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      if (source != null) {
        source.close();
      }
    }
  }
}
