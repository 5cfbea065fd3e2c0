package dev.lanyard.sdk.credentials;

import java.util.Objects;

/** Always the same credentials, e.g. a long-term key given in code. */
public final class StaticCredentialsProvider implements CredentialsProvider {
  private final Credentials credentials;

  public StaticCredentialsProvider(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  @Override
  public Credentials resolve() {
    return credentials;
  }

  @Override
  public String toString() {
    return "StaticCredentialsProvider[" + credentials + "]";
  }
}
