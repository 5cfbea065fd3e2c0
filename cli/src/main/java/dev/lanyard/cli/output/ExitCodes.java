package dev.lanyard.cli.output;

/** The documented exit codes of the commands that call the server. */
public final class ExitCodes {
  /** The call succeeded. */
  public static final int OK = 0;
  /** The service refused or failed the call, or no credentials were found. */
  public static final int REFUSED = 1;
  /** Bad usage: unknown option, missing or malformed value. */
  public static final int USAGE = 2;
  /** The server could not be reached. */
  public static final int UNREACHABLE = 3;

  /** For {@code exitCodeList} in the usage help. */
  public static final String[] HELP = {
    "0:success",
    "1:the service refused or failed the call (the AWS error code and what to do are printed),"
        + " or no credentials were found",
    "2:bad usage: unknown option, missing or malformed value",
    "3:cannot reach the endpoint (not running, wrong address, or TLS/plaintext mismatch)"
  };

  private ExitCodes() {}
}
