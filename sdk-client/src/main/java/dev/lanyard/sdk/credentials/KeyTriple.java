package dev.lanyard.sdk.credentials;

/**
 * Builds credentials from an access key id, a secret and an optional session token read from named
 * settings (system properties, environment variables, profile keys), with errors that name the
 * settings, never their values.
 */
final class KeyTriple {
  private KeyTriple() {}

  /**
   * @param source what the values came from, e.g. "environment"
   * @param idName the setting that held the access key id
   * @param secretName the setting(s) that held the secret
   * @throws CredentialsUnavailableException when the id or secret is missing or blank
   */
  static Credentials toCredentials(
      String source, String idName, String id, String secretName, String secret, String token) {
    boolean hasId = id != null && !id.isBlank();
    boolean hasSecret = secret != null && !secret.isBlank();
    if (!hasId && !hasSecret) {
      throw new CredentialsUnavailableException(source + ": " + idName + " and " + secretName + " are not set");
    }
    if (!hasId) {
      throw new CredentialsUnavailableException(source + ": " + secretName + " is set but " + idName + " is not");
    }
    if (!hasSecret) {
      throw new CredentialsUnavailableException(source + ": " + idName + " is set but " + secretName + " is not");
    }
    try {
      String trimmedToken = token == null || token.isBlank() ? null : token.trim();
      return new Credentials(id.trim(), secret.trim(), trimmedToken, null);
    } catch (IllegalArgumentException e) {
      throw new CredentialsUnavailableException(source + ": " + idName + " is not a usable access key id: " + e.getMessage());
    }
  }
}
