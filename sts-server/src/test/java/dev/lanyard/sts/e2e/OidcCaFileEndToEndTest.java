package dev.lanyard.sts.e2e;

import static dev.lanyard.sts.e2e.AwsErrors.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.proto.iam.v1.CreateOpenIDConnectProviderRequest;
import dev.lanyard.proto.iam.v1.CreateRoleRequest;
import dev.lanyard.proto.iam.v1.UpdateOpenIDConnectProviderThumbprintRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityRequest;
import dev.lanyard.proto.sts.v1.AssumeRoleWithWebIdentityResponse;
import dev.lanyard.sts.config.Setting;
import dev.lanyard.sts.federation.oidc.OidcTestIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --oidc-ca-file}: a node fetches the keys of an OpenID Connect provider whose TLS chain
 * ends in a private, self-signed CA only when that CA is in the file; the JVM's default trust
 * store does not know it. Thumbprint pins still apply on top.
 */
class OidcCaFileEndToEndTest {
  @TempDir Path dir;
  private OidcTestIssuer issuer;
  private RunningServer node;

  @BeforeEach
  void provider() throws Exception {
    issuer = new OidcTestIssuer();
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    issuer.close();
  }

  private void startNode(Map<Setting, String> extra) throws Exception {
    node = RunningServer.start(dir.resolve("node"), extra, Clock.systemUTC());
  }

  /** Registers the provider (optionally pinned) and a role trusting it; returns the role's ARN. */
  private String providerAndRole(String... thumbprints) {
    String providerArn = node.iam(node.root).createOpenIDConnectProvider(CreateOpenIDConnectProviderRequest.newBuilder()
        .setUrl(issuer.url()).addClientIdList(OidcTestIssuer.CLIENT_ID).addAllThumbprintList(List.of(thumbprints))
        .build()).getOpenIdConnectProviderArn();
    String prefix = issuer.url().substring("https://".length());
    return node.iam(node.root).createRole(CreateRoleRequest.newBuilder().setRoleName("ci-deploy")
        .setAssumeRolePolicyDocument("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
            "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"%s:aud":"%s"}}}]}
            """.formatted(providerArn, prefix, OidcTestIssuer.CLIENT_ID)).build()).getRole().getArn();
  }

  private AssumeRoleWithWebIdentityResponse exchange(String roleArn) throws Exception {
    String token = issuer.sign(issuer.claims(Instant.now()).build());
    return node.stsVia().assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest.newBuilder()
        .setRoleArn(roleArn).setRoleSessionName("ca-file").setWebIdentityToken(token).build());
  }

  private Path caFile() throws Exception {
    Path pem = dir.resolve("idp-ca.pem");
    Files.writeString(pem, issuer.caCertificatePem());
    return pem;
  }

  @Test
  void aProviderTrustedOnlyThroughTheCaFileVouchesForItsTokens() throws Exception {
    startNode(Map.of(Setting.OIDC_CA_FILE, caFile().toString()));
    String roleArn = providerAndRole();

    AssumeRoleWithWebIdentityResponse r = exchange(roleArn);
    assertEquals("repo:lanyard/app:ref:refs/heads/main", r.getSubjectFromWebIdentityToken());
    assertFalse(r.getCredentials().getSessionToken().isEmpty());
    assertTrue(r.getAssumedRoleUser().getArn().endsWith(":assumed-role/ci-deploy/ca-file"));
  }

  @Test
  void withoutTheCaFileTheProviderCannotBeReached() throws Exception {
    startNode(Map.of());
    String roleArn = providerAndRole();

    AwsErrors.Refusal refusal = assertAwsError("IDPCommunicationError", () -> exchange(roleArn));
    assertTrue(refusal.message().contains(issuer.url()), refusal.message());
  }

  @Test
  void thumbprintPinsStillApplyToAProviderTheCaFileTrusts() throws Exception {
    startNode(Map.of(Setting.OIDC_CA_FILE, caFile().toString()));
    String roleArn = providerAndRole("0123456789abcdef0123456789abcdef01234567");
    assertAwsError("IDPCommunicationError", () -> exchange(roleArn));

    String providerArn = "arn:aws:iam::" + node.accountId + ":oidc-provider/" + issuer.url().substring("https://".length());
    node.iam(node.root).updateOpenIDConnectProviderThumbprint(UpdateOpenIDConnectProviderThumbprintRequest.newBuilder()
        .setOpenIdConnectProviderArn(providerArn).addThumbprintList(issuer.caThumbprint()).build());
    assertEquals("repo:lanyard/app:ref:refs/heads/main", exchange(roleArn).getSubjectFromWebIdentityToken());
  }
}
