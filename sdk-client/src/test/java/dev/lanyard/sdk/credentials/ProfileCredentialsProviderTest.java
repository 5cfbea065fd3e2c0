package dev.lanyard.sdk.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.sts.v1.AssumeRoleRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.sdk.client.ClientTls;
import dev.lanyard.sdk.client.LanyardClient;
import dev.lanyard.sdk.client.LanyardClientFactory;
import dev.lanyard.sdk.client.StsTestServer;
import dev.lanyard.sdk.profile.ProfileFile;
import dev.lanyard.sdk.profile.ProfileFileKind;
import dev.lanyard.sdk.profile.ProfileFileLocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles turned into credentials, with role profiles calling a loopback STS test double. */
class ProfileCredentialsProviderTest {
  private static final String CREDENTIALS = """
      [base]
      aws_access_key_id = AKIABASEPROFILE00001
      aws_secret_access_key = base/secret+0123456789
      """;
  private static final String CONFIG = """
      # role chain: top -> middle -> base
      [profile middle]
      role_arn = arn:aws:iam::123456789012:role/middle
      source_profile = base

      [profile top]
      role_arn = arn:aws:iam::123456789012:role/top ; the role to use
      source_profile = middle
      external_id = ext-1
      role_session_name = top-session
      duration_seconds = 1800

      [profile self]
      role_arn = arn:aws:iam::123456789012:role/self
      source_profile = self
      aws_access_key_id = AKIASELFPROFILE00001
      aws_secret_access_key = self/secret

      [profile loop-a]
      role_arn = arn:aws:iam::123456789012:role/a
      source_profile = loop-b

      [profile loop-b]
      role_arn = arn:aws:iam::123456789012:role/b
      source_profile = loop-a

      [profile mfa]
      role_arn = arn:aws:iam::123456789012:role/admin
      source_profile = base
      mfa_serial = arn:aws:iam::123456789012:mfa/alice

      [profile from-env]
      role_arn = arn:aws:iam::123456789012:role/env
      credential_source = Environment

      [profile nothing]
      region = us-east-1

      [profile bad-duration]
      role_arn = arn:aws:iam::123456789012:role/x
      source_profile = base
      duration_seconds = 10
      """;

  @TempDir Path dir;
  private StsTestServer sts;
  private LanyardClientFactory clients;
  private ProfileFile file;

  @BeforeEach
  void start() throws IOException {
    sts = new StsTestServer(Clock.systemUTC(), Duration.ofHours(1));
    clients = LanyardClientFactory.from(() -> LanyardClient.builder()
        .endpoints(sts.endpoint()).tls(ClientTls.plaintextConnections()));
    file = ProfileFile.parse(CONFIG, ProfileFileKind.CONFIG)
        .overriddenBy(ProfileFile.parse(CREDENTIALS, ProfileFileKind.CREDENTIALS));
  }

  @AfterEach
  void stop() {
    sts.close();
  }

  private ProfileCredentialsProvider.Builder builder() {
    return ProfileCredentialsProvider.builder().clients(clients).environment(Map.of());
  }

  @Test
  void staticKeys() {
    Credentials credentials = builder().build(file, "base").resolve();
    assertEquals("AKIABASEPROFILE00001", credentials.accessKeyId());
    assertNull(credentials.sessionToken());
    assertTrue(sts.calls().isEmpty());
  }

  @Test
  void aRoleChainAssumesEachRoleWithTheCredentialsOfItsSource() {
    try (ProfileCredentialsProvider top = builder().build(file, "top")) {
      Credentials credentials = top.resolve();
      assertTrue(credentials.accessKeyId().startsWith("ASIATESTSERVER"));
      List<StsTestServer.Call> calls = sts.calls();
      assertEquals(2, calls.size());
      AssumeRoleRequest middle = (AssumeRoleRequest) calls.get(0).request();
      assertEquals("arn:aws:iam::123456789012:role/middle", middle.getRoleArn());
      assertEquals("AKIABASEPROFILE00001", calls.get(0).signingKeyId());
      AssumeRoleRequest topRequest = (AssumeRoleRequest) calls.get(1).request();
      assertEquals("arn:aws:iam::123456789012:role/top", topRequest.getRoleArn());
      assertEquals("ext-1", topRequest.getExternalId());
      assertEquals("top-session", topRequest.getRoleSessionName());
      assertEquals(1800, topRequest.getDurationSeconds());
      assertEquals("ASIATESTSERVER000001", calls.get(1).signingKeyId(), "signed with the middle role's session");
      assertEquals(credentials, top.resolve());
      assertEquals(2, sts.calls().size(), "cached: no further STS calls");
    }
  }

  @Test
  void aProfileNamingItselfAsSourceUsesItsOwnKeys() {
    builder().build(file, "self").resolve();
    assertEquals("AKIASELFPROFILE00001", sts.calls().get(0).signingKeyId());
  }

  @Test
  void aSourceProfileCycleIsRefusedAndNamed() {
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> builder().build(file, "loop-a").resolve());
    assertTrue(e.getMessage().contains("loop-a -> loop-b -> loop-a"), e.getMessage());
    assertTrue(sts.calls().isEmpty());
  }

  @Test
  void mfaSerialAsksTheCallbackForTheTokenCode() {
    builder().mfa(serial -> serial.endsWith("mfa/alice") ? "123456" : "000000").build(file, "mfa").resolve();
    AssumeRoleRequest request = (AssumeRoleRequest) sts.calls().get(0).request();
    assertEquals("arn:aws:iam::123456789012:mfa/alice", request.getSerialNumber());
    assertEquals("123456", request.getTokenCode());
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> builder().build(file, "mfa").resolve());
    assertTrue(e.getMessage().contains("mfa_serial is set but no MFA token-code callback"), e.getMessage());
  }

  @Test
  void credentialSourceEnvironment() {
    builder().environment(Map.of("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00001", "AWS_SECRET_ACCESS_KEY", "env/secret"))
        .build(file, "from-env").resolve();
    assertEquals("AKIAENVIRONMENT00001", sts.calls().get(0).signingKeyId());
  }

  @Test
  void credentialProcessRunsTheCommand() throws IOException {
    Path script = dir.resolve("creds.sh");
    Files.writeString(script, "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"AKIAPROCESSPROFILE01\","
        + "\"SecretAccessKey\":\"s\"}'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    ProfileFile withProcess = ProfileFile.parse("[profile proc]\ncredential_process = " + script + " --x\n",
        ProfileFileKind.CONFIG);
    assertEquals("AKIAPROCESSPROFILE01", builder().build(withProcess, "proc").resolve().accessKeyId());
  }

  @Test
  void webIdentityTokenFileIsReadOnEveryRefresh() throws IOException {
    Path token = dir.resolve("token.jwt");
    Files.writeString(token, "jwt-one\n");
    ProfileFile web = ProfileFile.parse("[profile web]\nrole_arn = arn:aws:iam::123456789012:role/web\n"
        + "web_identity_token_file = " + token + "\nrole_session_name = ci\n", ProfileFileKind.CONFIG);
    ProfileCredentialsProvider provider = builder().cache(source -> source).build(web, "web");
    provider.resolve();
    Files.writeString(token, "jwt-two");
    provider.resolve();
    List<String> tokens = sts.calls().stream()
        .map(call -> ((AssumeRoleWithWebIdentityRequest) call.request()).getWebIdentityToken()).toList();
    assertEquals(List.of("jwt-one", "jwt-two"), tokens);
    assertEquals("", sts.calls().get(0).signingKeyId(), "unsigned");
  }

  @Test
  void errorsNameTheProfileAndWhatWasExpected() {
    CredentialsUnavailableException missing = assertThrows(CredentialsUnavailableException.class,
        () -> builder().build(file, "ghost").resolve());
    assertTrue(missing.getMessage().contains("profile 'ghost' is not defined"), missing.getMessage());
    CredentialsUnavailableException nothing = assertThrows(CredentialsUnavailableException.class,
        () -> builder().build(file, "nothing").resolve());
    assertTrue(nothing.getMessage().contains("has no credentials") && nothing.getMessage().contains("[region]"),
        nothing.getMessage());
    CredentialsUnavailableException duration = assertThrows(CredentialsUnavailableException.class,
        () -> builder().build(file, "bad-duration").resolve());
    assertTrue(duration.getMessage().contains("duration_seconds must be"), duration.getMessage());
  }

  @Test
  void readsTheFilesNamedByTheEnvironment() throws IOException {
    Path credentials = dir.resolve("creds");
    Files.writeString(credentials, CREDENTIALS);
    ProfileFileLocations locations = ProfileFileLocations.fromEnvironment(
        Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString(), "AWS_PROFILE", "base"), dir);
    assertEquals("AKIABASEPROFILE00001", builder().build(locations).resolve().accessKeyId());
  }

  @Test
  void anStsFailureNamesTheRoleButNoSecret() {
    sts.failNext(StsTestServer.failure(io.grpc.Status.Code.PERMISSION_DENIED, "AccessDenied", false, "req-9"));
    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> builder().build(file, "middle").resolve());
    assertTrue(e.getMessage().contains("AssumeRole arn:aws:iam::123456789012:role/middle: AccessDenied"), e.getMessage());
    assertFalse(e.getMessage().contains("base/secret"), e.getMessage());
  }
}
