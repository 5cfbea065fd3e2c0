package dev.lanyard.load;

import dev.lanyard.sdk.credentials.Credentials;

/**
 * Who the load runs as: the long-term key that signs every call and the role it assumes (null for
 * scenarios without one). {@link #toString()} never shows the secret.
 */
public record LoadIdentity(Credentials credentials, String roleArn) {
  @Override
  public String toString() {
    return "LoadIdentity[key " + credentials.accessKeyId() + ", role " + roleArn + "]";
  }
}
