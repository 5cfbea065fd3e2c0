package dev.lanyard.sts.session;

import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;
import java.time.Duration;

/** AWS's session duration rules, per operation, as pure functions of the request. */
public final class SessionDuration {
  /** The shortest session any operation grants. */
  public static final int MIN_SECONDS = 900;
  /** AssumeRole's default. */
  public static final int ROLE_DEFAULT_SECONDS = 3600;
  /** The cap for role chaining and for the account root's sessions. */
  public static final int ONE_HOUR = 3600;
  /** The longest role session (a role's MaxSessionDuration is at most this). */
  public static final int ROLE_MAX_SECONDS = 43_200;
  /** GetSessionToken and GetFederationToken: default and maximum for IAM users. */
  public static final int USER_DEFAULT_SECONDS = 43_200;
  public static final int USER_MAX_SECONDS = 129_600;

  private SessionDuration() {}

  /**
   * A role session's duration: 900 up to the role's maximum (default 3600), and at most one hour
   * when a role session assumes the role (role chaining).
   */
  public static Duration forRole(Integer requested, int roleMaxSeconds, boolean chained) {
    if (requested == null) {
      return Duration.ofSeconds(ROLE_DEFAULT_SECONDS);
    }
    int seconds = ParameterChecks.range("durationSeconds", requested, MIN_SECONDS, ROLE_MAX_SECONDS);
    if (chained && seconds > ONE_HOUR) {
      throw new LanyardException(AwsErrorCode.ValidationError, "The requested DurationSeconds exceeds"
          + " the 1 hour session limit for roles assumed by role chaining (DurationSeconds " + seconds
          + "; accepted: " + MIN_SECONDS + " to " + ONE_HOUR + ")");
    }
    if (seconds > roleMaxSeconds) {
      throw new LanyardException(AwsErrorCode.ValidationError, "The requested DurationSeconds exceeds"
          + " the MaxSessionDuration set for this role (DurationSeconds " + seconds + "; accepted: "
          + MIN_SECONDS + " to " + roleMaxSeconds + ")");
    }
    return Duration.ofSeconds(seconds);
  }

  /**
   * GetSessionToken and GetFederationToken: 900 to 129,600 seconds (default 43,200); sessions of
   * the account root last at most one hour, and a longer request is shortened to one hour, as AWS
   * does.
   */
  public static Duration forUser(Integer requested, boolean root) {
    int seconds = requested == null ? USER_DEFAULT_SECONDS
        : ParameterChecks.range("durationSeconds", requested, MIN_SECONDS, USER_MAX_SECONDS);
    return Duration.ofSeconds(root ? Math.min(seconds, ONE_HOUR) : seconds);
  }
}
