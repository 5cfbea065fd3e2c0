package dev.lanyard.sdk.credentials;

/**
 * A credentials source could not produce credentials. The message says which source, what it tried
 * and why it failed; it never contains a secret.
 */
public class CredentialsUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CredentialsUnavailableException(String message) {
    super(message);
  }

  public CredentialsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
