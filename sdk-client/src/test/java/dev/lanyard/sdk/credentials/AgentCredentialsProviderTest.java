package dev.lanyard.sdk.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent provider against a loopback server speaking IMDSv2. */
class AgentCredentialsProviderTest {
  private ImdsTestServer imds;

  @BeforeEach
  void start() throws IOException {
    imds = new ImdsTestServer();
  }

  @AfterEach
  void stop() {
    imds.close();
  }

  private AgentCredentialsProvider provider(Map<String, String> env) {
    return new AgentCredentialsProvider(env, Duration.ofSeconds(2));
  }

  @Test
  void fetchesATokenThenTheRoleThenItsCredentials() {
    Credentials credentials = provider(Map.of("LANYARD_AGENT_ENDPOINT", imds.endpoint())).resolve();
    assertEquals("ASIAAGENT00000000001", credentials.accessKeyId());
    assertEquals("agent/secret", credentials.secretAccessKey());
    assertEquals("agent-token", credentials.sessionToken());
    assertEquals(Instant.parse("2026-06-01T12:00:00Z"), credentials.expiration());
    assertEquals(List.of("PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
        "GET /latest/meta-data/iam/security-credentials/app-role"), imds.requests);
  }

  @Test
  void fallsBackToTheAwsEndpointSettingAndToleratesATrailingSlash() {
    Credentials credentials = provider(Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.endpoint() + "/")).resolve();
    assertEquals("ASIAAGENT00000000001", credentials.accessKeyId());
  }

  @Test
  void reportsAnUnsuccessfulCode() {
    imds.code = "AssumeRoleUnauthorizedAccess";
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> provider(Map.of("LANYARD_AGENT_ENDPOINT", imds.endpoint())).resolve());
    assertTrue(e.getMessage().contains("AssumeRoleUnauthorizedAccess"), e.getMessage());
  }

  @Test
  void saysWhatIsMissingWhenNotConfiguredOrDisabled() {
    AgentCredentialsProvider none = provider(Map.of());
    assertFalse(none.isConfigured());
    assertTrue(assertThrows(CredentialsUnavailableException.class, none::resolve).getMessage()
        .contains("neither LANYARD_AGENT_ENDPOINT nor AWS_EC2_METADATA_SERVICE_ENDPOINT"));
    AgentCredentialsProvider disabled = provider(Map.of("LANYARD_AGENT_ENDPOINT", imds.endpoint(),
        "AWS_EC2_METADATA_DISABLED", "true"));
    assertTrue(assertThrows(CredentialsUnavailableException.class, disabled::resolve).getMessage()
        .contains("AWS_EC2_METADATA_DISABLED"));
    assertTrue(imds.requests.isEmpty());
  }

  @Test
  void refusesPlainHttpToAnotherHost() {
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> provider(Map.of("LANYARD_AGENT_ENDPOINT", "http://192.0.2.10:8181")).resolve());
    assertTrue(e.getMessage().startsWith("LANYARD_AGENT_ENDPOINT: a plain-http endpoint must be a loopback"), e.getMessage());
  }

  @Test
  void anAgentThatIsDownIsReportedByAddress() throws IOException {
    String endpoint = imds.endpoint();
    imds.close();
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> provider(Map.of("LANYARD_AGENT_ENDPOINT", endpoint)).resolve());
    assertTrue(e.getMessage().contains("PUT " + endpoint + "/latest/api/token failed"), e.getMessage());
  }
}
