package dev.lanyard.load;

import dev.lanyard.sdk.credentials.Credentials;

/**
 * Who the load runs as: the long-term key that signs every call (null for web identity, whose
 * calls are unsigned), the role it assumes (null for scenarios without one), and for web identity
 * the ID tokens presented instead of a signature (null otherwise). {@link #toString()} never shows
 * the secret or a token.
 */
public record LoadIdentity(Credentials credentials, String roleArn, WebIdentityTokens webIdentityTokens) {
  /** A signing identity, without web identity tokens. */
  public LoadIdentity(Credentials credentials, String roleArn) {
    this(credentials, roleArn, null);
  }

  @Override
  public String toString() {
    return "LoadIdentity[" + (credentials == null ? "unsigned" : "key " + credentials.accessKeyId()) + ", role "
        + roleArn + (webIdentityTokens == null ? "" : ", web identity tokens") + "]";
  }
}
