package dev.lanyard.sdk.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** System properties and environment variables. */
class KeySettingsProvidersTest {
  @Test
  void systemPropertiesWithTheNewAndTheOldSecretName() {
    Properties props = new Properties();
    props.setProperty("aws.accessKeyId", "AKIASYSPROP000000001");
    props.setProperty("aws.secretKey", "old-name");
    assertEquals("old-name", new SystemPropertyCredentialsProvider(props).resolve().secretAccessKey());
    props.setProperty("aws.secretAccessKey", "new-name");
    props.setProperty("aws.sessionToken", "tok");
    Credentials credentials = new SystemPropertyCredentialsProvider(props).resolve();
    assertEquals("new-name", credentials.secretAccessKey());
    assertEquals("tok", credentials.sessionToken());
  }

  @Test
  void environmentVariables() {
    Credentials credentials = new EnvironmentCredentialsProvider(
        Map.of("AWS_ACCESS_KEY_ID", " AKIAENV0000000000001 ", "AWS_SECRET_ACCESS_KEY", "s", "AWS_SESSION_TOKEN", "")).resolve();
    assertEquals("AKIAENV0000000000001", credentials.accessKeyId());
    assertNull(credentials.sessionToken());
  }

  @Test
  void missingHalvesAreNamed() {
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> new EnvironmentCredentialsProvider(Map.of("AWS_ACCESS_KEY_ID", "AKIAENV0000000000001")).resolve());
    assertEquals("environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not", e.getMessage());
    e = assertThrows(CredentialsUnavailableException.class,
        () -> new EnvironmentCredentialsProvider(Map.of("AWS_ACCESS_KEY_ID", "bad/id", "AWS_SECRET_ACCESS_KEY", "s")).resolve());
    assertTrue(e.getMessage().startsWith("environment: AWS_ACCESS_KEY_ID is not a usable access key id"), e.getMessage());
  }
}
