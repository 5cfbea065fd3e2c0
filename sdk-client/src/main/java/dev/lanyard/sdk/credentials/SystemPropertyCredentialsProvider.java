package dev.lanyard.sdk.credentials;

import java.util.Objects;
import java.util.Properties;

/**
 * Credentials from the Java system properties {@code aws.accessKeyId}, {@code aws.secretAccessKey}
 * (or the older {@code aws.secretKey}) and {@code aws.sessionToken}, read on every call.
 */
public final class SystemPropertyCredentialsProvider implements CredentialsProvider {
  private final Properties properties;

  /** Reads {@link System#getProperties()}. */
  public SystemPropertyCredentialsProvider() {
    this(System.getProperties());
  }

  /** Reads the given properties (tests). */
  public SystemPropertyCredentialsProvider(Properties properties) {
    this.properties = Objects.requireNonNull(properties, "properties");
  }

  @Override
  public Credentials resolve() {
    String secret = properties.getProperty("aws.secretAccessKey");
    if (secret == null || secret.isBlank()) {
      secret = properties.getProperty("aws.secretKey");
    }
    return KeyTriple.toCredentials(
        "system properties",
        "aws.accessKeyId", properties.getProperty("aws.accessKeyId"),
        "aws.secretAccessKey (or aws.secretKey)", secret,
        properties.getProperty("aws.sessionToken"));
  }
}
