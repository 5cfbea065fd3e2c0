package dev.lanyard.sdk.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.client.StsTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultCredentialsChainTest {
  @TempDir Path home;

  private DefaultCredentialsChain chain(Map<String, String> env, Properties props) {
    return DefaultCredentialsChain.builder().environment(env).systemProperties(props).home(home)
        .clients(signing -> {
          throw new IllegalStateException("no STS in this test");
        })
        .build();
  }

  private static Properties props(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  void triesTheSourcesInTheIssuesOrder() {
    assertEquals(List.of("system properties", "environment",
            "profile 'default' (" + home.resolve(".aws/credentials") + ", " + home.resolve(".aws/config") + ")",
            "web identity", "container endpoint", "Lanyard agent"),
        chain(Map.of(), new Properties()).sourceNames());
  }

  @Test
  void systemPropertiesComeBeforeTheEnvironmentWhichComesBeforeProfiles() throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id=AKIAPROFILE000000001\n"
        + "aws_secret_access_key=p\n");
    Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00001", "AWS_SECRET_ACCESS_KEY", "e",
        "AWS_SESSION_TOKEN", "env-token");
    assertEquals("AKIASYSTEMPROPS00001", chain(env, props("aws.accessKeyId", "AKIASYSTEMPROPS00001",
        "aws.secretKey", "s")).resolve().accessKeyId());
    Credentials fromEnv = chain(env, new Properties()).resolve();
    assertEquals("AKIAENVIRONMENT00001", fromEnv.accessKeyId());
    assertEquals("env-token", fromEnv.sessionToken());
    assertEquals("AKIAPROFILE000000001", chain(Map.of(), new Properties()).resolve().accessKeyId());
  }

  @Test
  void whenNothingWorksTheErrorListsEverySourceAndWhyWithoutSecrets() {
    Map<String, String> env = Map.of("AWS_SECRET_ACCESS_KEY", "very-secret-value");
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> chain(env, new Properties()).resolve());
    String message = e.getMessage();
    assertTrue(message.startsWith("no credentials found; tried, in order:"), message);
    assertTrue(message.contains("1. system properties: aws.accessKeyId and"), message);
    assertTrue(message.contains("2. environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"),
        message);
    assertTrue(message.contains("3. profile 'default'") && message.contains("is not defined"), message);
    assertTrue(message.contains("4. web identity: AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set"), message);
    assertTrue(message.contains("5. container endpoint: neither"), message);
    assertTrue(message.contains("6. Lanyard agent: neither LANYARD_AGENT_ENDPOINT"), message);
    assertFalse(message.contains("very-secret-value"), message);
  }

  @Test
  void reachesTheAgentLastAndRemembersTheSourceThatWorked() throws IOException {
    try (ImdsTestServer imds = new ImdsTestServer()) {
      imds.expiration = java.time.Instant.now().plus(Duration.ofHours(6));
      DefaultCredentialsChain chain = chain(Map.of("LANYARD_AGENT_ENDPOINT", imds.endpoint()), new Properties());
      assertEquals("ASIAAGENT00000000001", chain.resolve().accessKeyId());
      assertEquals("ASIAAGENT00000000001", chain.resolve().accessKeyId());
      assertEquals(3, imds.requests.size(), "the second call is served from the cache");
    }
  }

  @Test
  void webIdentityFromTheEnvironment() throws Exception {
    try (StsTestServer sts = new StsTestServer(Clock.systemUTC(), Duration.ofHours(1))) {
      Path token = home.resolve("token");
      Files.writeString(token, "oidc-token");
      Map<String, String> env = new HashMap<>();
      env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
      env.put("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci");
      env.put("AWS_ROLE_SESSION_NAME", "build-42");
      DefaultCredentialsChain chain = DefaultCredentialsChain.builder().environment(env).systemProperties(new Properties())
          .home(home).clients(LanyardClientFactory.from(() -> LanyardClient.builder()
              .endpoints(sts.endpoint()).tls(ClientTls.plaintextConnections())))
          .build();
      assertTrue(chain.resolve().accessKeyId().startsWith("ASIATESTSERVER"));
      AssumeRoleWithWebIdentityRequest request = (AssumeRoleWithWebIdentityRequest) sts.calls().get(0).request();
      assertEquals("oidc-token", request.getWebIdentityToken());
      assertEquals("build-42", request.getRoleSessionName());
      chain.close();
    }
  }
}
