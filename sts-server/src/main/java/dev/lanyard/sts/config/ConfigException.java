package dev.lanyard.sts.config;

/** A setting that is missing, malformed or out of range; the message names it and what is accepted. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
