package dev.lanyard.policy.simulate;

/**
 * A scenario that cannot be simulated: malformed JSON, a missing or wrongly shaped field, or a
 * policy document that does not parse. The message names the field and what is accepted.
 */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
