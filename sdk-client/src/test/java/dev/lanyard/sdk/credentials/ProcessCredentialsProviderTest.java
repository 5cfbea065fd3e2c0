package dev.lanyard.sdk.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** credential_process with real shell scripts. */
class ProcessCredentialsProviderTest {
  @TempDir Path dir;

  @BeforeAll
  static void unixOnly() {
    assumeFalse(System.getProperty("os.name", "").toLowerCase().startsWith("windows"));
  }

  private String script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file.toString();
  }

  @Test
  void readsVersionOneOutputWithASessionToken() throws IOException {
    String command = script("creds.sh", """
        echo "a secret on stderr" >&2
        cat <<'JSON'
        {"Version": 1, "AccessKeyId": "ASIAPROCESS000000001", "SecretAccessKey": "process/secret",
         "SessionToken": "process-token", "Expiration": "2026-06-01T10:00:00Z"}
        JSON
        """);
    Credentials credentials = new ProcessCredentialsProvider(command + " --profile dev").resolve();
    assertEquals("ASIAPROCESS000000001", credentials.accessKeyId());
    assertEquals("process/secret", credentials.secretAccessKey());
    assertEquals("process-token", credentials.sessionToken());
    assertEquals(Instant.parse("2026-06-01T10:00:00Z"), credentials.expiration());
  }

  @Test
  void runsThroughTheShellSoArgumentsAndQuotesWork() throws IOException {
    String command = script("echo-args.sh", """
        printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"%s","Expiration":"2026-06-01T10:00:00+02:00"}' "$1" "$2"
        """);
    Credentials credentials = new ProcessCredentialsProvider(command + " AKIAPROCESS000000002 'two words'").resolve();
    assertEquals("AKIAPROCESS000000002", credentials.accessKeyId());
    assertEquals("two words", credentials.secretAccessKey());
    assertNull(credentials.sessionToken());
    assertEquals(Instant.parse("2026-06-01T08:00:00Z"), credentials.expiration());
  }

  @Test
  void aFailingCommandIsReportedWithoutItsOutput() throws IOException {
    String command = script("fail.sh", """
        echo '{"SecretAccessKey": "leaked-secret"}'
        echo "stderr-secret" >&2
        exit 3
        """);
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> new ProcessCredentialsProvider(command).resolve());
    assertTrue(e.getMessage().contains("status 3"), e.getMessage());
    assertFalse(e.getMessage().contains("leaked-secret"), e.getMessage());
    assertFalse(e.getMessage().contains("stderr-secret"), e.getMessage());
  }

  @Test
  void refusesOutputThatIsNotVersionOneOrNotJson() throws IOException {
    String v2 = script("v2.sh", "echo '{\"Version\": 2, \"AccessKeyId\": \"AKIAX\", \"SecretAccessKey\": \"s\"}'");
    assertTrue(assertThrows(CredentialsUnavailableException.class, () -> new ProcessCredentialsProvider(v2).resolve())
        .getMessage().contains("Version must be 1"));
    String garbage = script("garbage.sh", "echo 'not json but maybe-a-secret'");
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> new ProcessCredentialsProvider(garbage).resolve());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    assertFalse(e.getMessage().contains("maybe-a-secret"), e.getMessage());
    String missing = script("missing.sh", "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIAX\"}'");
    assertTrue(assertThrows(CredentialsUnavailableException.class, () -> new ProcessCredentialsProvider(missing).resolve())
        .getMessage().contains("SecretAccessKey is missing"));
  }

  @Test
  void killsACommandThatRunsPastItsTimeout() throws IOException {
    String slow = script("slow.sh", "sleep 30");
    long started = System.nanoTime();
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> new ProcessCredentialsProvider(slow, Duration.ofMillis(300)).resolve());
    assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0);
  }

  @Test
  void toStringHidesTheArguments() {
    assertEquals("ProcessCredentialsProvider[/opt/creds ...]",
        new ProcessCredentialsProvider("/opt/creds --secret hunter2").toString());
  }
}
