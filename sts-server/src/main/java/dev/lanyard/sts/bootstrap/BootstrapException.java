package dev.lanyard.sts.bootstrap;

/** A bootstrap file that cannot be read or applied; the message names the entity and the field. */
public final class BootstrapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BootstrapException(String message) {
    super(message);
  }

  public BootstrapException(String message, Throwable cause) {
    super(message, cause);
  }
}
