package dev.lanyard.sdk.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Credentials from an external command, the profile setting {@code credential_process}. The command
 * runs through the shell as the AWS SDKs do ({@code sh -c} on Unix, {@code cmd /C} on Windows); its
 * standard output is the JSON document {@code {"Version": 1, "AccessKeyId", "SecretAccessKey",
 * "SessionToken", "Expiration"}}. Its standard error is discarded, never logged, as it may hold
 * secrets; neither is its output ever repeated in an error. Each {@link #resolve()} runs the command;
 * put a cache in front.
 */
public final class ProcessCredentialsProvider implements CredentialsProvider {
  private static final int MAX_OUTPUT_BYTES = 64 * 1024;

  private final String command;
  private final Duration timeout;

  /**
   * @param command the command line, run by the shell
   * @param timeout how long the command may run before it is killed
   */
  public ProcessCredentialsProvider(String command, Duration timeout) {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("credential_process: a command is required, got an empty value");
    }
    this.command = command;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** Runs the command with a one-minute timeout. */
  public ProcessCredentialsProvider(String command) {
    this(command, Duration.ofMinutes(1));
  }

  @Override
  public Credentials resolve() {
    Process process = start();
    try {
      process.getOutputStream().close(); // the command gets no input
    } catch (IOException ignored) {
      // the command may already have exited; its exit status tells
    }
    OutputReader stdout = new OutputReader(process.getInputStream());
    stdout.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new CredentialsUnavailableException(
            "credential_process: the command did not finish within " + timeout + " and was killed");
      }
      stdout.join(timeout.toMillis());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CredentialsUnavailableException("credential_process: interrupted while waiting for the command", e);
    }
    if (process.exitValue() != 0) {
      throw new CredentialsUnavailableException("credential_process: the command exited with status "
          + process.exitValue() + " (its error output is not shown, as it may hold secrets)");
    }
    if (stdout.tooLong) {
      throw new CredentialsUnavailableException(
          "credential_process: the command wrote more than " + MAX_OUTPUT_BYTES + " bytes");
    }
    String source = "credential_process";
    JsonNode json = CredentialsJson.read(stdout.text(), source);
    JsonNode version = json.get("Version");
    if (version == null || !version.canConvertToInt() || version.asInt() != 1) {
      throw new CredentialsUnavailableException(
          source + ": the field Version must be 1, got " + (version == null ? "none" : version.toString()));
    }
    return CredentialsJson.credentials(json, source, "SessionToken", false);
  }

  private Process start() {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    List<String> argv = windows ? List.of("cmd.exe", "/C", command) : List.of("sh", "-c", command);
    try {
      return new ProcessBuilder(argv)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
    } catch (IOException e) {
      throw new CredentialsUnavailableException(
          "credential_process: cannot start the shell to run the command: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Shows the command's first word only; arguments may hold secrets. */
  @Override
  public String toString() {
    return "ProcessCredentialsProvider[" + command.strip().split("\\s+", 2)[0] + " ...]";
  }

  /** Drains standard output so the command never blocks on a full pipe. */
  private static final class OutputReader extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile boolean tooLong;

    OutputReader(InputStream in) {
      super("lanyard-credential-process-output");
      setDaemon(true);
      this.in = in;
    }

    @Override
    public void run() {
      byte[] chunk = new byte[4096];
      try (in) {
        int n;
        while ((n = in.read(chunk)) >= 0) {
          if (buffer.size() + n > MAX_OUTPUT_BYTES) {
            tooLong = true;
          } else {
            buffer.write(chunk, 0, n);
          }
        }
      } catch (IOException ignored) {
        // the process ended or was killed; what was read is judged by the caller
      }
    }

    String text() {
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
